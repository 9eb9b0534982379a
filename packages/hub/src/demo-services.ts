import { seedViewer } from './seed-viewer.js';
import type { HubServices, Member } from '@maru/core';

const CONSUMERS = ['admin@hanbit.example', 'admin@sejong-civic.example', 'admin@mois.example'];

/**
 * Gives the demo organizations live access to every service in the catalogue
 * (1,000 calls a day), requested by their admins and approved by the demo
 * platform admin, through the same rules as the API. Skips what exists.
 */
export async function seedDemoGrants(services: HubServices): Promise<number> {
  const platformAdmin = await services.members.byEmail('admin@maru.example');
  if (!platformAdmin) return 0;
  const approver = await seedViewer(services, platformAdmin);
  const listed = (await services.catalogue.list({ limit: 100 })).items.map((item) => item.doc);
  let granted = 0;
  for (const email of CONSUMERS) {
    const admin = await services.members.byEmail(email);
    if (!admin) continue;
    const consumer = await seedViewer(services, admin);
    for (const service of listed) {
      if (await services.catalogue.accessOf(admin.organizationId, service._id)) continue;
      const request = await services.catalogue.requestAccess(consumer, service._id, {
        purpose: `Demo: ${service.name} in our citizen services`,
      });
      await services.catalogue.decideAccess(approver, request._id, { status: 'ACTIVE', dailyQuota: 1_000 });
      granted++;
    }
  }
  return granted;
}
