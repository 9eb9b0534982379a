import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { OrganizationService } from '../identity/organization-service.js';
import type { HubLogger } from '../logger.js';
import type { Store } from '../store/port.js';
import { AccessLog } from './access-log.js';
import { AccessRequestService } from './access-request-service.js';
import { ConnectionService } from './connection-service.js';
import { ConnectorRegistry, type PluginConnectorSource } from './connectors/connector-registry.js';
import { builtInConnectors } from './connectors/built-in-connectors.js';
import { ConsentService } from './consent-service.js';
import { ReadService } from './read-service.js';
import { SyncService, type SyncOptions } from './sync-service.js';
import { UploadService } from './upload-service.js';

export interface DataOptions {
  /** The folder CSV paths are relative to and uploads are kept in. Default: a `maru-imports` folder in the OS temp folder. */
  importDir?: string;
  /** Secrets connectors may name (auth headers, MongoDB URIs), by name. The hub reads them from `MARU_SECRET_<NAME>`. */
  secrets?: Record<string, string>;
  /** Hosts HTTP connectors may reach; `['*']` (the default) for any. */
  allowedHosts?: string[];
  sync?: SyncOptions;
  /** The largest CSV upload, in bytes. Default 512 MiB. */
  maxUploadBytes?: number;
}

/** The data-connections module: catalogue, syncs, access requests, consents, reads and their log. */
export interface DataServices {
  connections: ConnectionService;
  syncs: SyncService;
  accessRequests: AccessRequestService;
  consents: ConsentService;
  accessLog: AccessLog;
  reads: ReadService;
  connectors: ConnectorRegistry;
  uploads: UploadService;
}

export function createDataServices(
  store: Store,
  organizations: OrganizationService,
  plugins: PluginConnectorSource | null,
  clock: () => number,
  logger: HubLogger,
  options: DataOptions = {},
): DataServices {
  const secrets = options.secrets ?? {};
  const connectors = new ConnectorRegistry(builtInConnectors, plugins, {
    importDir: options.importDir ?? join(tmpdir(), 'maru-imports'),
    allowedHosts: options.allowedHosts ?? ['*'],
    secret: (name) => secrets[name],
  });
  const connections = new ConnectionService(store, organizations, connectors, clock);
  const syncs = new SyncService(store, connections, connectors, clock, logger, options.sync);
  const accessRequests = new AccessRequestService(store, connections, clock);
  const consents = new ConsentService(store, connections, clock);
  const accessLog = new AccessLog(store);
  const reads = new ReadService(connections, accessRequests, consents, accessLog);
  const uploads = new UploadService(connections, connectors, syncs, options.maxUploadBytes ?? 512 * 1024 * 1024);
  return { connections, syncs, accessRequests, consents, accessLog, reads, connectors, uploads };
}
