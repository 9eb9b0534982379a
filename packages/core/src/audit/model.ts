import type { CollectionSpec } from '../store/port.js';

/** SUCCESS, or the error code the action failed with (FORBIDDEN, BAD_USER_INPUT, …). */
export type AuditOutcome = string;

export interface AuditEvent {
  _id: string;
  /** Position in the chain, from 1, without gaps. A unique index keeps it linear across hub instances. */
  seq: number;
  at: string;
  actorMemberId: string | null;
  actorOrganizationId: string | null;
  /** `<module>.<verb>`, e.g. `member.add`, `apiKey.revoke`. */
  action: string;
  targetId: string | null;
  /** The organization the target belongs to, so organization admins can read their own trail. */
  organizationId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export { GENESIS_HASH } from './hash-chain.js';

export const auditCollections: CollectionSpec[] = [
  {
    name: 'audit_events',
    indexes: [
      { name: 'bySeq', keys: [['seq', 1]], unique: true },
      {
        name: 'byOrganization',
        keys: [
          ['organizationId', 1],
          ['seq', 1],
        ],
      },
      {
        name: 'byActor',
        keys: [
          ['actorMemberId', 1],
          ['seq', 1],
        ],
      },
      {
        name: 'byTarget',
        keys: [
          ['targetId', 1],
          ['seq', 1],
        ],
      },
      {
        name: 'byAction',
        keys: [
          ['action', 1],
          ['seq', 1],
        ],
      },
    ],
  },
];
