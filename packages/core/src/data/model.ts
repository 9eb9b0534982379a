import { claimCollection } from '../store/claims.js';
import type { ChainLink } from '../audit/index.js';
import type { CollectionSpec } from '../store/port.js';
import type { ConnectorKind } from './connectors/connector.js';

export const CLASSIFICATIONS = ['PUBLIC', 'INTERNAL', 'RESTRICTED', 'PERSONAL'] as const;
/**
 * PUBLIC: anyone. INTERNAL: members of agencies. RESTRICTED: the owning
 * agency, and others with an approved access request. PERSONAL: as
 * RESTRICTED, and personal fields only of data subjects who consented.
 */
export type Classification = (typeof CLASSIFICATIONS)[number];

export const FIELD_TYPES = ['STRING', 'INTEGER', 'NUMBER', 'BOOLEAN', 'DATE'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface DataField {
  /** An identifier (letters, digits, `_`), unique within the connection. */
  name: string;
  type: FieldType;
  description: string;
  /** Personal data: shown only to the owner and under a subject's consent. */
  personal: boolean;
}

export const CONNECTION_STATUSES = ['NEW', 'ACTIVE', 'SYNCING', 'FAILING', 'PAUSED'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export interface ConnectorSpec {
  kind: ConnectorKind;
  /**
   * The connector's own config, checked by it; never holds secrets, only their names. Stored as JSON text (MongoDB-wire
   * servers refuse `$` keys in filters).
   */
  configJson: string;
}

export interface DataConnection {
  _id: string;
  agencyId: string;
  /** The agency's ancestors and the agency itself. */
  agencyPath: string[];
  name: string;
  description: string;
  tags: string[];
  /** An SPDX id or a licence's name, e.g. `KOGL-Type1`, `CC-BY-4.0`. */
  licence: string;
  classification: Classification;
  /** Empty until declared or inferred on the first sync. */
  fields: DataField[];
  /** The field whose value identifies a record; a re-sync replaces records by it. */
  keyField: string;
  /** PERSONAL connections: the field naming the data subject a record is about. */
  subjectField: string | null;
  connector: ConnectorSpec;
  /** Minutes between scheduled syncs; null syncs only on demand. */
  refreshMinutes: number | null;
  status: ConnectionStatus;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  recordCount: number;
  /** When the scheduler next syncs it (on schedule, or a retry after a failure). */
  nextSyncAt: string | null;
  /** Failed syncs in a row; the retry delay doubles with each. */
  failures: number;
  /** Until when a running sync holds the connection; a hub that died mid-sync lets it lapse. */
  syncLeaseUntil: string | null;
  /** The sync holding the connection, or null. */
  currentSyncId: string | null;
  serviceIds: string[];
  searchText: string;
  createdById: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DataRecord {
  /** `<connectionId>/<key>`: a re-sync replaces, never duplicates. */
  _id: string;
  connectionId: string;
  key: string;
  /** PERSONAL connections: the data subject the record is about. */
  subjectId: string | null;
  data: Record<string, unknown>;
  syncId: string;
  syncedAt: string;
}

export const SYNC_STATUSES = ['RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export interface RecordProblem {
  /** `line 12` (CSV), `index 3` (JSON), `document 7`, `record 9`. */
  position: string;
  reason: string;
}

export interface DataSync {
  _id: string;
  connectionId: string;
  trigger: 'SCHEDULE' | 'MANUAL' | 'UPLOAD';
  status: SyncStatus;
  startedAt: string;
  finishedAt: string | null;
  read: number;
  inserted: number;
  updated: number;
  removed: number;
  rejected: number;
  /** The first problems (at most {@link MAX_PROBLEMS_KEPT}); `rejected` counts them all. */
  problems: RecordProblem[];
  error: string | null;
  requestedById: string | null;
}

export const MAX_PROBLEMS_KEPT = 100;

export const ACCESS_REQUEST_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'REVOKED', 'WITHDRAWN'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/** Who asks for or reads data: an organization (through its members and keys), or a plugin. */
export interface Requester {
  organizationId: string | null;
  pluginName: string | null;
}

export interface AccessRequest {
  _id: string;
  connectionId: string;
  ownerAgencyId: string;
  /** The owner's ancestors and the owner: agencies above it see its incoming requests. */
  ownerAgencyPath: string[];
  requester: Requester;
  requestedById: string;
  purpose: string;
  fields: string[];
  expiresAt: string;
  status: AccessRequestStatus;
  decidedById: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
  version: number;
}

export interface Consent {
  _id: string;
  /** The data subject's id as it appears in the connection's subject field. */
  subjectId: string;
  connectionId: string;
  ownerAgencyId: string;
  fields: string[];
  requester: Requester;
  purpose: string;
  validFrom: string;
  validUntil: string;
  status: 'ACTIVE' | 'REVOKED';
  recordedById: string;
  createdAt: string;
  revokedAt: string | null;
  /** `AGENCY` or `SUBJECT`: who revoked it. */
  revokedBy: string | null;
  version: number;
}

/** A data subject's key to "who looked at my data", issued by an agency that holds their data. */
export interface SubjectKey {
  _id: string;
  subjectId: string;
  /** SHA-256 of the key, hex; the key itself is shown once. */
  hash: string;
  issuedByAgencyId: string;
  issuedById: string;
  createdAt: string;
  revokedAt: string | null;
}

export type ReadBasis = 'PUBLIC' | 'INTERNAL' | 'OWNER' | 'APPROVAL';

/** One read of a data connection's records, chained like the audit trail. */
export interface AccessLogEntry extends ChainLink {
  connectionId: string;
  ownerAgencyId: string;
  /** `MEMBER` (through an API key), `PLUGIN`, or `ANONYMOUS`. */
  actorKind: 'MEMBER' | 'PLUGIN' | 'ANONYMOUS';
  actorMemberId: string | null;
  actorApiKeyId: string | null;
  actorOrganizationId: string | null;
  actorPluginName: string | null;
  /** `records`, `preview` or `plugin`. */
  channel: string;
  fields: string[];
  purpose: string | null;
  basis: ReadBasis | null;
  accessRequestId: string | null;
  consentIds: string[];
  recordCount: number;
  /**
   * Data subjects whose records the read returned (PERSONAL connections), whether their personal fields were shown or
   * masked.
   */
  subjectIds: string[];
  /** SUCCESS, or the code the read was refused with. */
  outcome: string;
  requestId: string | null;
}

export const dataCollections: CollectionSpec[] = [
  // Each start of a sync run claimed once across hubs (sync-service.ts).
  claimCollection('data_sync_claims'),
  {
    name: 'data_connections',
    indexes: [
      {
        name: 'byAgencyCreatedId',
        keys: [
          ['agencyPath', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byCreatedId',
        keys: [
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byClassificationCreatedId',
        keys: [
          ['classification', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byTagCreatedId',
        keys: [
          ['tags', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      { name: 'byNextSync', keys: [['nextSyncAt', 1]] },
    ],
    arrayFields: ['agencyPath', 'tags', 'serviceIds'],
  },
  {
    name: 'data_records',
    indexes: [
      {
        name: 'byConnectionKey',
        keys: [
          ['connectionId', 1],
          ['key', 1],
        ],
      },
      {
        name: 'byConnectionSync',
        keys: [
          ['connectionId', 1],
          ['syncId', 1],
        ],
      },
      {
        name: 'byConnectionSubject',
        keys: [
          ['connectionId', 1],
          ['subjectId', 1],
        ],
      },
    ],
  },
  {
    name: 'data_syncs',
    indexes: [
      {
        name: 'byConnectionStarted',
        keys: [
          ['connectionId', 1],
          ['startedAt', -1],
          ['_id', -1],
        ],
      },
    ],
  },
  {
    name: 'data_access_requests',
    indexes: [
      {
        name: 'byOwnerPathCreated',
        keys: [
          ['ownerAgencyPath', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byRequesterOrgCreated',
        keys: [
          ['requester.organizationId', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byConnectionRequester',
        keys: [
          ['connectionId', 1],
          ['requester.organizationId', 1],
          ['requester.pluginName', 1],
        ],
      },
      // Insights: an agency's requests per connection and status.
      {
        name: 'byOwnerConnectionStatus',
        keys: [
          ['ownerAgencyId', 1],
          ['connectionId', 1],
          ['status', 1],
        ],
      },
    ],
    arrayFields: ['fields', 'ownerAgencyPath'],
  },
  {
    name: 'data_consents',
    indexes: [
      {
        name: 'byConnectionRequesterSubject',
        keys: [
          ['connectionId', 1],
          ['requester.organizationId', 1],
          ['requester.pluginName', 1],
          ['subjectId', 1],
        ],
      },
      {
        name: 'bySubjectCreated',
        keys: [
          ['subjectId', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
      {
        name: 'byOwnerCreated',
        keys: [
          ['ownerAgencyId', 1],
          ['createdAt', -1],
          ['_id', -1],
        ],
      },
    ],
    arrayFields: ['fields'],
  },
  { name: 'data_subject_keys', indexes: [{ name: 'byHash', keys: [['hash', 1]], unique: true }] },
  {
    name: 'data_access_log',
    indexes: [
      { name: 'bySeq', keys: [['seq', 1]], unique: true },
      {
        name: 'byConnectionSeq',
        keys: [
          ['connectionId', 1],
          ['seq', -1],
        ],
      },
      {
        name: 'byOwnerSeq',
        keys: [
          ['ownerAgencyId', 1],
          ['seq', -1],
        ],
      },
      {
        name: 'bySubjectSeq',
        keys: [
          ['subjectIds', 1],
          ['seq', -1],
        ],
      },
      {
        name: 'byActorOrgSeq',
        keys: [
          ['actorOrganizationId', 1],
          ['seq', -1],
        ],
      },
    ],
    arrayFields: ['subjectIds', 'fields', 'consentIds'],
  },
];
