/**
 * The audit module: the append-only, hash-chained trail of every mutation and capability use. Its table never
 * leaves it; everything else appends, reads and verifies through the `api` below. Importing this file registers
 * its GraphQL part.
 */
import type { HubModule } from '../hub-module.js';
import type { Store } from '../store/port.js';
import { AuditTrail, type OrganizationDirectory } from './audit-trail.js';
import { auditCollections } from './model.js';
import './audit-schema.js';

export interface AuditDeps {
  /** The identity module's organizations: organization admins read their own organization's trail. */
  organizations: OrganizationDirectory;
  /** Milliseconds since the epoch, for checkpoints' times. Default `Date.now`. */
  clock?: () => number;
  /** How long one window of anonymous refused mutations lasts before one event summarises it. Default a minute. */
  anonymousWindowMs?: number;
}

export function createAuditModule(store: Store, deps: AuditDeps): HubModule<AuditTrail> {
  return {
    name: 'audit',
    collections: auditCollections,
    api: new AuditTrail(store, deps.organizations, deps.clock, deps.anonymousWindowMs),
  };
}

export {
  AuditTrail,
  hashEvent,
  type AuditEntry,
  type AuditQuery,
  type ChainVerification,
  type OrganizationDirectory,
} from './audit-trail.js';
export {
  auditCollections,
  GENESIS_HASH,
  type AuditDetail,
  type AuditEvent,
  type AuditIntent,
  type AuditOutcome,
} from './model.js';
export { MAX_ADDRESSES, type AnonymousRefusalSummary } from './anonymous-refusals.js';
export {
  HashChain,
  type AppendStats,
  type ChainCheck,
  type ChainHeadClaim,
  type ChainHeadHint,
  type ChainLink,
  type ChainProblem,
} from './hash-chain.js';
export {
  ChainCheckpoints,
  checkpointPayload,
  createCheckpointSigner,
  generateCheckpointKey,
  isCheckpointSigned,
  parseCheckpointKey,
  type ChainCheckpoint,
  type ChainVerifyOptions,
  type CheckpointLog,
  type CheckpointSigner,
  type SignedCheckpoint,
} from './checkpoint.js';
export { AuditEventRef } from './audit-schema.js';
export { ChainCheckEnum, ChainProblemRef, SignedCheckpointInput } from './checkpoint-schema.js';
