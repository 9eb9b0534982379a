import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { HubModule } from '../hub-module.js';
import type { OrganizationService } from '../identity/index.js';
import type { HubLogger } from '../logger.js';
import type { Store } from '../store/port.js';
import { AccessLog } from './access-log.js';
import { AccessRequestService } from './access-request-service.js';
import { ConnectionService } from './connection-service.js';
import { ConnectorRegistry, type PluginConnectorSource } from './connectors/connector-registry.js';
import { builtInConnectors } from './connectors/built-in-connectors.js';
import { ConsentService } from './consent-service.js';
import { DataFigures } from './data-figures.js';
import { dataCollections, type AccessRequest, type DataConnection, type DataRecord } from './model.js';
import { ReadService } from './read-service.js';
import { SyncService, type SyncOptions } from './sync-service.js';
import { UploadService } from './upload-service.js';

export interface DataOptions {
  /**
   * The root of the import folders: each agency reads CSV files from, and uploads to, `<importDir>/<agency slug>/`.
   * Default: `maru-imports` in the OS temp folder.
   */
  importDir?: string;
  /**
   * Secrets connectors may name (auth headers, query keys, MongoDB URIs), by name. The hub reads them from
   * `MARU_SECRET_<NAME>`.
   */
  secrets?: Record<string, string>;
  /**
   * The agencies (slugs; an agency also covers those below it) allowed to use each secret. A secret with no entry is
   * usable by none.
   */
  secretAgencies?: Record<string, string[]>;
  /**
   * Hosts HTTP connectors may reach, `host` or `host:port`; `['*']` for any. Default: none — deny by default, as the
   * hub reaches into the operator's network.
   */
  allowedHosts?: string[];
  sync?: SyncOptions;
  /** The largest CSV upload, in bytes. Default 512 MiB. */
  maxUploadBytes?: number;
}

/** The data-connections module's api: catalogue, syncs, access requests, consents, reads and their log. */
export interface DataServices {
  connections: ConnectionService;
  syncs: SyncService;
  accessRequests: AccessRequestService;
  consents: ConsentService;
  accessLog: AccessLog;
  reads: ReadService;
  connectors: ConnectorRegistry;
  uploads: UploadService;
  /** Access counted per connection, for insights. */
  figures: DataFigures;
}

/** The largest CSV upload when `maxUploadBytes` is not given: 512 MiB (the hub's `MARU_MAX_UPLOAD_MB` default). */
export const DEFAULT_MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** What the data module needs of the rest of the hub. */
export interface DataModuleDeps {
  /** Identity's organizations: agencies own connections, and their slugs name import folders. */
  organizations: OrganizationService;
  /** The connectors plugins offer (`PLUGIN` connections); null for none. */
  plugins: PluginConnectorSource | null;
  clock: () => number;
  logger: HubLogger;
  options?: DataOptions;
  /** Who hears of data happenings (the notices module): decisions on access requests, datasets becoming available. */
  notices?: DataNotices;
}

/** What the data module tells the notices module, once, from the hub whose change won. */
export interface DataNotices {
  accessDecided(request: AccessRequest, connection: DataConnection): Promise<void>;
  /** `askedBy`: organizations with a request waiting for the connection. */
  datasetAvailable(connection: DataConnection, askedBy: string[]): Promise<void>;
}

/** The data-connections module: its tables and the api over them. */
export function createDataModule(
  store: Store,
  { organizations, plugins, clock, logger, options = {}, notices }: DataModuleDeps,
): HubModule<DataServices> {
  const connectors = new ConnectorRegistry(builtInConnectors, plugins, {
    importRoot: options.importDir ?? join(tmpdir(), 'maru-imports'),
    allowedHosts: options.allowedHosts ?? [],
    secrets: options.secrets ?? {},
    secretAgencies: options.secretAgencies ?? {},
  });
  // Syncs write the records; reads (through a grant) and the subject-key check read them.
  const records = store.collection<DataRecord>('data_records');
  const connections = new ConnectionService(store, organizations, connectors, clock);
  // A dataset's first successful sync makes it available: those who declared interest or asked for it hear.
  const datasetAvailable = async (connection: DataConnection): Promise<void> =>
    notices?.datasetAvailable(connection, await accessRequests.pendingRequesters(connection._id));
  const syncs = new SyncService(store, records, connections, connectors, clock, logger, options.sync, datasetAvailable);
  const accessRequests = new AccessRequestService(store, connections, clock, notices?.accessDecided.bind(notices));
  const consents = new ConsentService(store, connections, organizations, records, clock);
  const accessLog = new AccessLog(store, clock);
  const reads = new ReadService(records, accessRequests, consents, accessLog);
  const uploads = new UploadService(
    connections,
    connectors,
    syncs,
    options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    clock,
  );
  return {
    name: 'data',
    collections: dataCollections,
    api: {
      connections,
      syncs,
      accessRequests,
      consents,
      accessLog,
      reads,
      connectors,
      uploads,
      figures: new DataFigures(store, clock),
    },
  };
}
