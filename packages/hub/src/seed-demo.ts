import {
  API_KEY_SCOPES,
  newId,
  StoreConflictError,
  type HubServices,
  type Member,
  type Organization,
} from '@maru/core';
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
 * Seeds the demo organization chart, members and one API key per new member.
 * Idempotent without transactions: every object is looked up by its unique
 * slug or email first, so a run interrupted halfway is completed by the next.
 */
export async function seedDemo(services: HubServices): Promise<SeedResult> {
  const result: SeedResult = { createdOrganizations: 0, createdMembers: 0, keys: [] };
  const bySlug = new Map<string, Organization>();
  for (const spec of DEMO_ORGANIZATIONS) {
    const parent = spec.parent ? bySlug.get(spec.parent)! : null;
    const now = new Date().toISOString();
    const candidate: Organization = {
      _id: newId(),
      kind: spec.kind,
      name: spec.name,
      slug: spec.slug,
      description: spec.description,
      parentId: parent?._id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const existing = await services.organizations.collection.findOne({ slug: spec.slug });
    bySlug.set(
      spec.slug,
      existing ?? (await insertOnce(services.organizations.collection, candidate, () => result.createdOrganizations++)),
    );
  }
  for (const spec of DEMO_MEMBERS) {
    const existing = await services.members.collection.findOne({ email: spec.email });
    if (existing) continue;
    const org = bySlug.get(spec.organization)!;
    const now = new Date().toISOString();
    const member: Member = {
      _id: newId(),
      organizationId: org._id,
      name: spec.name,
      email: spec.email,
      roles: spec.roles,
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await insertOnce(services.members.collection, member, () => result.createdMembers++);
    const { secret } = await services.apiKeys.issue(member, 'demo key', [...API_KEY_SCOPES], null);
    result.keys.push({ email: spec.email, name: spec.name, roles: spec.roles, organization: org.name, secret });
  }
  return result;
}

async function insertOnce<T extends { _id: string }>(
  collection: { insertOne(doc: T): Promise<void>; findOne(filter: object): Promise<T | null> },
  doc: T,
  created: () => void,
): Promise<T> {
  try {
    await collection.insertOne(doc);
    created();
    return doc;
  } catch (error) {
    // Another instance seeded the same object meanwhile: use theirs.
    if (error instanceof StoreConflictError) {
      const key =
        'slug' in doc
          ? { slug: (doc as { slug: string }).slug }
          : { email: (doc as unknown as { email: string }).email };
      const existing = await collection.findOne(key);
      if (existing) return existing;
    }
    throw error;
  }
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
