import type { CollectionSpec } from '../store/port.js';

/**
 * SUCCESS, the error code the action failed with (FORBIDDEN, BAD_USER_INPUT, …), or INTERRUPTED: the hub stopped
 * while the action ran (it may or may not have taken effect), found by the next start.
 */
export type AuditOutcome = string;

/**
 * What an event says beyond its columns, as plain JSON (e.g. a refused request's operation name and fields, the count
 * of a window's anonymous refusals). Never a variable's value: those may hold secrets.
 */
export type AuditDetail = Record<string, unknown>;

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
  /** Absent on most events; when present it is hashed with the rest (see `hashEvent`). */
  detail?: AuditDetail;
  prevHash: string;
  hash: string;
}

export { GENESIS_HASH } from './hash-chain.js';

/**
 * An action under way: written before a mutation runs and removed once its event is on the trail (the event takes the
 * intent's `_id`). One left behind means the hub stopped mid-action; the next start records it as INTERRUPTED.
 */
export interface AuditIntent {
  _id: string;
  at: string;
  action: string;
  actorMemberId: string | null;
  actorOrganizationId: string | null;
  targetId: string | null;
  organizationId: string | null;
  requestId: string | null;
}

export const auditCollections: CollectionSpec[] = [
  { name: 'audit_intents', indexes: [{ name: 'byAt', keys: [['at', 1]] }] },
  // One head hint per hash-chained log (the audit trail, the data access log), by `_id`: see `ChainHeadHint`.
  { name: 'chain_heads', indexes: [] },
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
