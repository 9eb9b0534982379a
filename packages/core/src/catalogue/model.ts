import type { OperationManifest } from '@maru/sdk';
import type { CollectionSpec } from '../store/port.js';
import { deepFreeze } from '../deep-freeze.js';

export type ServiceStatus = 'PILOT' | 'ACTIVE' | 'DEPRECATED' | 'SUSPENDED';
export const SERVICE_STATUSES: readonly ServiceStatus[] = ['PILOT', 'ACTIVE', 'DEPRECATED', 'SUSPENDED'];

/** A shared service in the catalogue. `_id` is the service key. */
export interface ServiceRecord {
  _id: string;
  name: string;
  description: string;
  /** The name and description in other languages, by language tag (from the plugin's manifest); absent on older records. */
  i18n?: { [lang: string]: { name?: string; description?: string; operations?: { [operation: string]: string } } };
  category: string;
  source: 'PLUGIN' | 'CORE';
  pluginName: string | null;
  status: ServiceStatus;
  /** The operations as JSON text: see {@link operationsOf}. */
  operationsJson: string;
  /** The challenge whose award launched this service as a pilot, if any. */
  challengeId?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One metered call of a service operation. */
export interface ServiceCall {
  _id: string;
  serviceKey: string;
  operation: string;
  consumerOrganizationId: string | null;
  apiKeyId: string | null;
  mode: 'live' | 'test';
  durationMs: number;
  /** SUCCESS or the error code. */
  outcome: string;
  at: string;
  /** `YYYY-MM-DD` (UTC), for daily totals. */
  day: string;
}

/** Metered calls of a service on one UTC day. */
export interface DailyUsage {
  day: string;
  calls: number;
  failures: number;
}

export type GrantStatus = 'REQUESTED' | 'ACTIVE' | 'REJECTED' | 'REVOKED';

/** A consumer organization's access to a service: requested, then decided by the provider's side. One per pair. */
export interface ServiceGrant {
  _id: string;
  serviceKey: string;
  consumerOrganizationId: string;
  purpose: string;
  status: GrantStatus;
  /** Operations allowed; empty means all. */
  operations: string[];
  /** Live calls per UTC day; null means unlimited. */
  dailyQuota: number | null;
  requestedById: string;
  decidedById: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

// Operation manifests (JSON Schemas with "$schema", "$ref") may hold keys MongoDB updates refuse; stored as JSON text.
/**
 * A service's operations, parsed once per distinct text: every metered call reads them, and their JSON schemas made
 * the parse ~4% of a plugin call (issue #22). Frozen, as they are shared.
 */
export function operationsOf(service: Pick<ServiceRecord, 'operationsJson'>): readonly OperationManifest[] {
  let operations = parsedOperations.get(service.operationsJson);
  if (!operations) {
    operations = deepFreeze(JSON.parse(service.operationsJson) as OperationManifest[]);
    if (parsedOperations.size >= 200) parsedOperations.clear();
    parsedOperations.set(service.operationsJson, operations);
  }
  return operations;
}
const parsedOperations = new Map<string, readonly OperationManifest[]>();

export const catalogueCollections: CollectionSpec[] = [
  {
    name: 'services',
    indexes: [
      {
        name: 'byStatusName',
        keys: [
          ['status', 1],
          ['name', 1],
          ['_id', 1],
        ],
      },
      {
        name: 'byName',
        keys: [
          ['name', 1],
          ['_id', 1],
        ],
      },
    ],
  },
  {
    name: 'service_calls',
    indexes: [
      {
        name: 'byServiceDay',
        keys: [
          ['serviceKey', 1],
          ['day', 1],
          ['_id', 1],
        ],
      },
      {
        name: 'byConsumerDay',
        keys: [
          ['consumerOrganizationId', 1],
          ['day', 1],
          ['_id', 1],
        ],
      },
      {
        name: 'byServiceConsumerDay',
        keys: [
          ['serviceKey', 1],
          ['consumerOrganizationId', 1],
          ['day', 1],
          ['mode', 1],
        ],
      },
      // Insights: calls per service and day, and per service and consumer, each counted from its index alone (SQLite
      // reads indexed expressions from the index, not the document); docs/benchmarks.md, "Insights".
      {
        name: 'byServiceDayOutcome',
        keys: [
          ['serviceKey', 1],
          ['day', 1],
          ['outcome', 1],
        ],
      },
      {
        name: 'byServiceConsumerDayOutcome',
        keys: [
          ['serviceKey', 1],
          ['consumerOrganizationId', 1],
          ['day', 1],
          ['outcome', 1],
        ],
      },
    ],
  },
  {
    name: 'service_grants',
    indexes: [
      {
        name: 'byPair',
        keys: [
          ['serviceKey', 1],
          ['consumerOrganizationId', 1],
        ],
        unique: true,
      },
      {
        name: 'byConsumer',
        keys: [
          ['consumerOrganizationId', 1],
          ['_id', 1],
        ],
      },
      {
        name: 'byServiceStatus',
        keys: [
          ['serviceKey', 1],
          ['status', 1],
          ['_id', 1],
        ],
      },
    ],
  },
];
