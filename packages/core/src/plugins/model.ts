import type { Capability, PluginManifest } from '@maru/sdk';
import { claimCollection } from '../store/claims.js';
import type { CollectionSpec } from '../store/port.js';

export type PluginStatus = 'ENABLED' | 'DISABLED' | 'FAILED' | 'UNINSTALLED';

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
  /**
   * The organization the key speaks for, when a platform admin registered it for one: only such a key signs a
   * package a winning company uploads for its pilot (pilot-packages.ts). Absent in keys registered before.
   */
  organizationId?: string | null;
  registeredById: string;
  registeredAt: string;
}

/**
 * The signed package a winning company uploaded for its awarded submission (`_id` is the submission's id): what a
 * platform admin launches as the pilot. The tarball's bytes are in `plugin_package_chunks` under `sha256`.
 */
export interface PilotPackage {
  _id: string;
  challengeId: string;
  organizationId: string;
  name: string;
  version: string;
  /** SHA-256 (hex) of the uploaded tarball: its address in the store and in each hub's package folder. */
  sha256: string;
  sizeBytes: number;
  /** The package-relative path of the bundle (maru-plugin.json's `bundle`). */
  bundle: string;
  /** The registered key that signed it. */
  keyId: string;
  manifestJson: string;
  uploadedById: string;
  uploadedAt: string;
  launchedAt: string | null;
  launchedById: string | null;
}

export interface PluginKvEntry {
  _id: string;
  plugin: string;
  key: string;
  valueJson: string;
}

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One hub event to hand to one plugin's `on` handler: the outbox row the hub whose transition won writes, and the
 * record operators read. `_id` is `<event id>><plugin>`, so recording an event twice writes nothing new.
 */
export interface PluginEventDelivery {
  _id: string;
  eventId: string;
  plugin: string;
  /** e.g. `challenge.closed`. */
  event: string;
  payloadJson: string;
  status: DeliveryStatus;
  /** Attempts finished (run and failed, or delivered). */
  attempts: number;
  /** When the next attempt is due; null once DELIVERED or FAILED. */
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

// Manifests (JSON Schemas with "$schema", "$ref"), configurations and plugin
// values may hold keys starting with "$" or holding ".", which MongoDB updates
// and MongoDB-wire servers such as FerretDB refuse; they are stored as JSON text.
export const manifestOf = (plugin: Pick<InstalledPlugin, 'manifestJson'>): PluginManifest | null =>
  plugin.manifestJson ? (JSON.parse(plugin.manifestJson) as PluginManifest) : null;
export const configOf = (plugin: Pick<InstalledPlugin, 'configJson'>): unknown =>
  plugin.configJson ? JSON.parse(plugin.configJson) : undefined;

export const pluginCollections: CollectionSpec[] = [
  {
    name: 'plugin_event_deliveries',
    indexes: [
      {
        name: 'byStatusDueId',
        keys: [
          ['status', 1],
          ['nextAttemptAt', 1],
          ['_id', 1],
        ],
      },
      {
        name: 'byStatusCreatedId',
        keys: [
          ['status', 1],
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
    ],
  },
  // Each delivery attempt claimed once across hubs (runtime/plugin-deliveries.ts).
  claimCollection('plugin_delivery_claims'),
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
    name: 'pilot_packages',
    indexes: [
      {
        name: 'byChallenge',
        keys: [
          ['challengeId', 1],
          ['_id', 1],
        ],
      },
    ],
  },
  {
    name: 'plugin_package_chunks',
    indexes: [
      {
        name: 'byShaIndex',
        keys: [
          ['sha256', 1],
          ['index', 1],
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
