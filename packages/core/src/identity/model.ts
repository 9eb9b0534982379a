import type { CollectionSpec } from '../store/port.js';
import type { Industry, Region, SizeBand } from './organization-profile.js';

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
  /** Optional profile (organization-profile.ts); missing on organizations stored before it existed. */
  sizeBand?: SizeBand | null;
  region?: Region | null;
  industry?: Industry | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** INVITED: added by an admin, not signed in yet; cannot authenticate with anything until the invitation is accepted. */
export type MemberStatus = 'ACTIVE' | 'DISABLED' | 'INVITED';
export const MEMBER_STATUSES = ['ACTIVE', 'DISABLED', 'INVITED'] as const satisfies readonly MemberStatus[];

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

/** PENDING until accepted at first sign-in or revoked; a PENDING one past `expiresAt` is expired (shown as EXPIRED). */
export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REVOKED';

/** An invitation to sign in for the first time, sent to an INVITED member's e-mail address. */
export interface Invitation {
  _id: string;
  organizationId: string;
  memberId: string;
  /** Normalised (trimmed, lower case), as the member's. */
  email: string;
  /** The member who invited; null when the system did (bootstrap). */
  invitedByMemberId: string | null;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
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
  {
    name: 'member_invitations',
    indexes: [
      {
        name: 'byEmail',
        keys: [
          ['email', 1],
          ['createdAt', 1],
        ],
      },
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
  },
  {
    name: 'sessions',
    indexes: [
      { name: 'byTokenHash', keys: [['tokenHash', 1]], unique: true },
      {
        name: 'byMember',
        keys: [
          ['memberId', 1],
          ['createdAt', 1],
        ],
      },
    ],
  },
];
