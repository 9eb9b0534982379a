/**
 * The data-connections module: the catalogue of agency datasets, their syncs, access requests, consents, reads under
 * the classification rules and the access log. Importing this index registers the module's GraphQL part; everything
 * else goes through the api `createDataModule` returns.
 */
import './connection-schema.js';
import './record-schema.js';
import './access-request-schema.js';
import './consent-schema.js';
import './link-schema.js';

export { createDataModule, DEFAULT_MAX_UPLOAD_BYTES } from './data-module.js';
export type { DataModuleDeps, DataNotices, DataOptions, DataServices } from './data-module.js';
export { createPluginDataReader } from './plugin-data-reader.js';
export type { DataAccessCounts, DataFigures } from './data-figures.js';
export { dcatCatalogue, dcatDataset } from './dcat.js';
export { SUBJECT_KEY_PREFIX, type DataSubject } from './consent-service.js';
export { SourceError, type SourceItem } from './connectors/connector.js';
export { CLASSIFICATIONS, dataCollections } from './model.js';
export type {
  AccessLogEntry,
  AccessRequest,
  Classification,
  Consent,
  DataConnection,
  DataField,
  DataRecord,
  DataSync,
} from './model.js';
