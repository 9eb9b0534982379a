import { API_KEY_SCOPES, type HubServices, type Organization } from '@maru/core';
import { DEMO_MEMBERS, DEMO_ORGANIZATIONS } from './demo-data.js';

export interface SeededKey {
  email: string;
  name: string;
  roles: string[];
  organization: string;
  secret: string;
}

export interface SeedResult {
  createdOrganizations: number;
  createdMembers: number;
  /** Keys for members created by this run; empty when everything existed. */
  keys: SeededKey[];
}

/**
 * Seeds the demo organization chart, members and one API key per new member, through the identity module as the
 * system. Idempotent without transactions: every object is looked up by its unique slug or email first, so a run
 * interrupted halfway is completed by the next.
 */
export async function seedDemo(services: HubServices): Promise<SeedResult> {
  const result: SeedResult = { createdOrganizations: 0, createdMembers: 0, keys: [] };
  const bySlug = new Map<string, Organization>();
  for (const spec of DEMO_ORGANIZATIONS) {
    const parent = spec.parent ? bySlug.get(spec.parent)! : null;
    const { organization, created } = await services.organizations.seed({
      kind: spec.kind,
      name: spec.name,
      slug: spec.slug,
      description: spec.description,
      parentId: parent?._id ?? null,
      profile: spec.profile,
    });
    if (created) result.createdOrganizations++;
    bySlug.set(spec.slug, organization);
  }
  for (const spec of DEMO_MEMBERS) {
    if (await services.members.byEmail(spec.email)) continue;
    const org = bySlug.get(spec.organization)!;
    const { member, created } = await services.members.seed({
      organizationId: org._id,
      name: spec.name,
      email: spec.email,
      roles: spec.roles,
    });
    if (created) result.createdMembers++;
    const { secret } = await services.apiKeys.issue(member, 'demo key', [...API_KEY_SCOPES], null);
    result.keys.push({ email: spec.email, name: spec.name, roles: spec.roles, organization: org.name, secret });
  }
  return result;
}

/** The console block that shows each new demo key once. */
export function formatDemoKeys(keys: SeededKey[], url: string): string {
  if (keys.length === 0) return '';
  const width = Math.max(...keys.map((k) => k.email.length));
  const lines = keys.map((k) => `  ${k.email.padEnd(width)}  ${k.roles.join(',').padEnd(28)}  ${k.secret}`);
  return [
    '',
    'Demo API keys — shown once, stored only as hashes:',
    ...lines,
    '',
    `Try:  curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer <key>' -d '{"query":"{ viewer { name roles organization { name } } }"}'`,
    'Lost them? Demo mode also has `mutation { demoLogin(email: "admin@maru.example") { secret } }`.',
    '',
  ].join('\n');
}
