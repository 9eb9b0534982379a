import type { HubServices, Member } from '@maru/core';

const CONSUMERS = ['admin@hanbit.example', 'admin@sejong-civic.example', 'admin@mois.example'];

function viewerOf(services: HubServices, member: Member, scopes: string[]) {
  return (async () => ({
    member,
    organization: (await services.organizations.get(member.organizationId))!,
    apiKey: { _id: 'seed', organizationId: member.organizationId, memberId: member._id, name: 'seed', prefix: 'seed', hash: 'seed', scopes, createdAt: '', expiresAt: null, revokedAt: null, lastUsedAt: null },
  }))() as never;
}

/**
 * Gives the demo organizations live access to every service in the catalogue
 * (1,000 calls a day), requested by their admins and approved by the demo
 * platform admin, through the same rules as the API. Skips what exists.
 */
export async function seedDemoGrants(services: HubServices): Promise<number> {
  const platformAdmin = await services.members.collection.findOne({ email: 'admin@maru.example' });
  if (!platformAdmin) return 0;
  const approver = await viewerOf(services, platformAdmin, ['READ', 'WRITE', 'ADMIN']);
  const catalogue = await services.plugins.services.find({}, { limit: 100 });
  let granted = 0;
  for (const email of CONSUMERS) {
    const admin = await services.members.collection.findOne({ email });
    if (!admin) continue;
    const consumer = await viewerOf(services, admin, ['READ', 'WRITE', 'ADMIN']);
    for (const service of catalogue) {
      if (await services.plugins.grants.grants.findOne({ serviceKey: service._id, consumerOrganizationId: admin.organizationId })) continue;
      const request = await services.plugins.grants.request(consumer, service._id, { purpose: `Demo: ${service.name} in our citizen services` });
      await services.plugins.grants.decide(approver, request._id, { status: 'ACTIVE', dailyQuota: 1_000 });
      granted++;
    }
  }
  return granted;
}
