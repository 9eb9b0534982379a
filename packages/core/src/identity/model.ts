import type { CollectionSpec } from '../store/port.js';

export const ORGANIZATION_KINDS = ['PLATFORM', 'AGENCY', 'COMPANY'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = [
  'PLATFORM_ADMIN',
  'AGENCY_ADMIN',
  'CHALLENGE_MANAGER',
  'REVIEWER',
  'COMPANY_ADMIN',
  'DEVELOPER',
] as const;
export type Role = (typeof ROLES)[number];

/** Which roles a member may hold, by the kind of their organization. Reviewers may be invited experts anywhere. */
export const ROLES_BY_KIND: Record<OrganizationKind, readonly Role[]> = {
  PLATFORM: ['PLATFORM_ADMIN', 'REVIEWER', 'DEVELOPER'],
  AGENCY: ['AGENCY_ADMIN', 'CHALLENGE_MANAGER', 'REVIEWER', 'DEVELOPER'],
  COMPANY: ['COMPANY_ADMIN', 'REVIEWER', 'DEVELOPER'],
};

/** Roles that administer their organization (and, for agencies, its sub-agencies). */
export const ADMIN_ROLES: readonly Role[] = ['PLATFORM_ADMIN', 'AGENCY_ADMIN', 'COMPANY_ADMIN'];

export const API_KEY_SCOPES = ['READ', 'WRITE', 'ADMIN'] as const;
/** READ: private reads. WRITE: mutations on domain objects. ADMIN: members, keys and organizations. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_MODES = ['LIVE', 'TEST'] as const;
export type ApiKeyMode = (typeof API_KEY_MODES)[number];

export interface Organization {
  _id: string;
  kind: OrganizationKind;
  name: string;
  slug: string;
  description: string;
  parentId: string | null;
  /** Root first; lets "an agency and all its sub-agencies" be one indexed query. */
  ancestorIds: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type MemberStatus = 'ACTIVE' | 'DISABLED';

export interface Member {
  _id: string;
  organizationId: string;
  name: string;
  email: string;
  roles: Role[];
  status: MemberStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ApiKey {
  _id: string;
  organizationId: string;
  /** The member the key acts as; it never has more than that member's roles. */
  memberId: string;
  name: string;
  /** The first characters of the key, shown so people can tell keys apart. */
  prefix: string;
  /** SHA-256 of the whole key, hex. The key itself is never stored. */
  hash: string;
  scopes: ApiKeyScope[];
  /**
   * LIVE keys call services under their grants and quotas; TEST keys call sandbox mode, with neither. Absent means
   * LIVE.
   */
  mode?: ApiKeyMode;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export const identityCollections: CollectionSpec[] = [
  {
    name: 'organizations',
    indexes: [
      { name: 'bySlug', keys: [['slug', 1]], unique: true },
      {
        name: 'byKindCreated',
        keys: [
          ['kind', 1],
          ['createdAt', 1],
        ],
      },
      {
        name: 'byParent',
        keys: [
          ['parentId', 1],
          ['createdAt', 1],
        ],
      },
      { name: 'byCreated', keys: [['createdAt', 1]] },
    ],
    arrayFields: ['ancestorIds'],
  },
  {
    name: 'members',
    indexes: [
      { name: 'byEmail', keys: [['email', 1]], unique: true },
      {
        name: 'byOrganization',
        keys: [
          ['organizationId', 1],
          ['createdAt', 1],
        ],
      },
    ],
    arrayFields: ['roles'],
  },
  {
    name: 'api_keys',
    indexes: [
      { name: 'byHash', keys: [['hash', 1]], unique: true },
      {
        name: 'byOrganization',
        keys: [
          ['organizationId', 1],
          ['createdAt', 1],
        ],
      },
      {
        name: 'byMember',
        keys: [
          ['memberId', 1],
          ['createdAt', 1],
        ],
      },
    ],
    arrayFields: ['scopes'],
  },
];
