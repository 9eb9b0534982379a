import type { HubServices, Member } from '@maru/core';

/**
 * A viewer for seeding: the member acting through an all-scope key that is
 * never stored, so demo data goes through the same service rules as the API.
 */
export async function seedViewer(services: HubServices, member: Member): Promise<never> {
  return {
    member,
    organization: (await services.organizations.get(member.organizationId))!,
    apiKey: {
      _id: 'seed',
      organizationId: member.organizationId,
      memberId: member._id,
      name: 'seed',
      prefix: 'seed',
      hash: 'seed',
      scopes: ['READ', 'WRITE', 'ADMIN'],
      createdAt: '',
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    },
  } as never;
}
