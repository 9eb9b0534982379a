import {
  API_KEY_SCOPES,
  type HubServices,
  type Member,
  type Organization,
  type OrganizationKind,
  type Role,
} from '@maru/core';

/** The keys `maru hub` hands the developer for one run. */
export interface DeveloperKeys {
  /** A company admin whose organization has access to the plugins' services. */
  company: string;
  /** A platform admin: manage plugins, grants and publisher keys. */
  admin: string;
}

type Viewer = Awaited<ReturnType<HubServices['apiKeys']['authenticate']>>;

const COMPANY = {
  slug: 'local-developer',
  kind: 'COMPANY' as const,
  name: 'Local plugin developer',
  email: 'developer@maru.localhost',
  roles: ['COMPANY_ADMIN'] as Role[],
};
const PLATFORM = {
  slug: 'local-platform',
  kind: 'PLATFORM' as const,
  name: 'Local platform',
  email: 'admin@maru.localhost',
  roles: ['PLATFORM_ADMIN'] as Role[],
};

async function organization(
  services: HubServices,
  spec: { slug: string; kind: OrganizationKind; name: string },
): Promise<Organization> {
  const description = 'Made by maru hub for local plugin development.';
  return (await services.organizations.seed({ ...spec, description })).organization;
}

async function member(
  services: HubServices,
  org: Organization,
  spec: { email: string; roles: Role[] },
): Promise<Member> {
  const name = spec.email.split('@')[0]!;
  return (await services.members.seed({ organizationId: org._id, name, email: spec.email, roles: spec.roles })).member;
}

/**
 * Seeds (once) a local platform and a local company with one member each,
 * and issues each a new all-scope key for this run: keys are stored as
 * hashes only, so a restarted hub cannot show old ones again.
 */
export async function seedDevelopers(services: HubServices): Promise<DeveloperKeys> {
  const issue = async (spec: typeof COMPANY | typeof PLATFORM) => {
    const org = await organization(services, spec);
    const who = await member(services, org, spec);
    return (await services.apiKeys.issue(who, `maru hub ${new Date().toISOString()}`, [...API_KEY_SCOPES], null))
      .secret;
  };
  return { company: await issue(COMPANY), admin: await issue(PLATFORM) };
}

/** Gives the local company live access (no quota) to each service that it does not have yet. */
export async function grantDeveloperAccess(
  services: HubServices,
  keys: DeveloperKeys,
  serviceKeys: string[],
): Promise<void> {
  const company: Viewer = await services.apiKeys.authenticate(keys.company);
  const admin: Viewer = await services.apiKeys.authenticate(keys.admin);
  for (const serviceKey of serviceKeys) {
    const existing = await services.catalogue.accessOf(company.organization._id, serviceKey);
    if (existing?.status === 'ACTIVE') continue;
    const request =
      existing?.status === 'REQUESTED'
        ? existing
        : await services.catalogue.requestAccess(company, serviceKey, {
            purpose: 'Local plugin development (maru hub)',
          });
    await services.catalogue.decideAccess(admin, request._id, { status: 'ACTIVE', dailyQuota: null });
  }
}
