import type { Capability, OperationManifest, PluginManifest } from '@maru/sdk';
import type { CollectionSpec } from '../store/port.js';

export type PluginStatus = 'ENABLED' | 'DISABLED' | 'FAILED' | 'UNINSTALLED';
export type ServiceStatus = 'PILOT' | 'ACTIVE' | 'DEPRECATED' | 'SUSPENDED';

/** A plugin the hub loaded (or tried to). `_id` is the package name. */
export interface InstalledPlugin {
  _id: string;
  version: string;
  publisher: string;
  entry: string;
  status: PluginStatus;
  /** Why it failed to load: each problem names the field and what to change. */
  problems: string[];
  /** The manifest as JSON text: see {@link manifestOf}. */
  manifestJson: string | null;
  grantedCapabilities: Capability[];
  /** The operator's configuration as JSON text, checked against the plugin's schema when set: see {@link configOf}. */
  configJson?: string | null;
  /**
   * Set when a platform admin granted or revoked capabilities; from then on those decisions win over the config file.
   */
  grantsDecidedAt?: string | null;
  /** The registered key that signed the package, or null when loaded unsigned (development only). */
  signedBy: string | null;
  /**
   * ISOLATE: an API-2 bundle in an isolate of the plugin host; UNCONFINED: a legacy API-1 module whose code has Node's
   * APIs in its worker. Absent in records written before plugin API 2 (read as UNCONFINED).
   */
  isolation?: 'ISOLATE' | 'UNCONFINED';
  loadedAt: string;
}

/** A publisher's Ed25519 public key, registered by a platform admin. `_id` is the key id. */
export interface PublisherKey {
  _id: string;
  publisher: string;
  publicKey: string;
  registeredById: string;
  registeredAt: string;
}

/** A shared service in the catalogue. `_id` is the service key. */
export interface ServiceRecord {
  _id: string;
  name: string;
  description: string;
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

export interface PluginKvEntry {
  _id: string;
  plugin: string;
  key: string;
  valueJson: string;
}

// Manifests (JSON Schemas with "$schema", "$ref"), configurations and plugin
// values may hold keys starting with "$" or holding ".", which MongoDB updates
// and MongoDB-wire servers such as FerretDB refuse; they are stored as JSON text.
export const manifestOf = (plugin: Pick<InstalledPlugin, 'manifestJson'>): PluginManifest | null =>
  plugin.manifestJson ? (JSON.parse(plugin.manifestJson) as PluginManifest) : null;
export const configOf = (plugin: Pick<InstalledPlugin, 'configJson'>): unknown =>
  plugin.configJson ? JSON.parse(plugin.configJson) : undefined;
export const operationsOf = (service: Pick<ServiceRecord, 'operationsJson'>): OperationManifest[] =>
  JSON.parse(service.operationsJson) as OperationManifest[];

export const pluginCollections: CollectionSpec[] = [
  {
    name: 'plugins',
    indexes: [
      {
        name: 'byStatus',
        keys: [
          ['status', 1],
          ['_id', 1],
        ],
      },
    ],
  },
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
    ],
  },
  {
    name: 'plugin_kv',
    indexes: [
      {
        name: 'byPluginKey',
        keys: [
          ['plugin', 1],
          ['key', 1],
        ],
        unique: true,
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
  {
    name: 'publisher_keys',
    indexes: [
      {
        name: 'byPublisher',
        keys: [
          ['publisher', 1],
          ['_id', 1],
        ],
      },
    ],
  },
];
