export { createHub, createServices, hubCollections } from './create-hub.js';
export type { Hub, HubLimits, HubOptions } from './create-hub.js';
export type { TrustedDocuments } from './graphql/use-trusted-documents.js';
export type { ResponseCacheOptions } from './http/response-cache.js';
export type { HubContext, HubFeatures, HubServices } from './context.js';
export { ERROR_CODES, MaruError, isMaruError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { getSchema } from './schema.js';
export { silentLogger } from './logger.js';
export type { HubLogger } from './logger.js';
export { createSqliteStore } from './store/sqlite/sqlite-store.js';
export type { SqliteStoreOptions } from './store/sqlite/sqlite-store.js';
export { createMongoStore } from './store/mongodb/mongo-store.js';
export type { MongoStoreOptions } from './store/mongodb/mongo-store.js';
export { StoreConflictError, StoreQueryError } from './store/port.js';
export type {
  Collection,
  CollectionSpec,
  Doc,
  Filter,
  FindOptions,
  IndexSpec,
  QueryPlan,
  Sort,
  Store,
  StoreCapabilities,
  Update,
} from './store/port.js';
export { hashEvent } from './audit/audit-trail.js';
export type { AuditEvent } from './audit/model.js';
export type { ApiKey, ApiKeyScope, Member, Organization, OrganizationKind, Role } from './identity/model.js';
export { API_KEY_SCOPES, ORGANIZATION_KINDS, ROLES, ROLES_BY_KIND } from './identity/model.js';
export { encodeGlobalId, decodeGlobalId } from './graphql/global-id.js';
export { keysetAfter, sortValues } from './store/keyset.js';
export { CHALLENGE_SORTS } from './challenges/index.js';
export { newId } from './ids.js';
export type {
  Challenge,
  ChallengeStatus,
  ChallengeType,
  Question,
  Review,
  Submission,
  SubmissionStatus,
} from './challenges/index.js';
export { CHALLENGE_STATUSES, CHALLENGE_TYPES, SUBMISSION_STATUSES } from './challenges/index.js';
export { PluginRunner, PluginCallError } from './plugins/plugin-runner.js';
export { PluginFence, type PluginFenceOptions } from './plugins/fence/plugin-fence.js';
export { FencedRunner } from './plugins/fence/fenced-runner.js';
export { isolatedVmBinary } from './plugins/isolate/isolated-vm-binary.js';
export type { PluginCall, PluginCallErrorCode, PluginKvPort, PluginRunnerOptions } from './plugins/plugin-runner.js';
export { PluginHost, pluginNamespace } from './plugins/plugin-host.js';
export type { PluginConfig, PluginHostOptions } from './plugins/plugin-host.js';
export type { InstalledPlugin, PublisherKey, ServiceCall, ServiceRecord, ServiceStatus } from './plugins/model.js';
export { packageDigest, packageDirOf, signPackage, SIGNATURE_FILE, verifyPackage } from './plugins/signature.js';
export type { PackageSignature, SignatureCheck, TrustedKey } from './plugins/signature.js';
export { dcatCatalogue } from './data/dcat.js';
export type { DataOptions, DataServices } from './data/data-services.js';
export type {
  DataConnection,
  DataField,
  DataRecord,
  DataSync,
  AccessRequest,
  Consent,
  AccessLogEntry,
  Classification,
} from './data/model.js';
export { CLASSIFICATIONS } from './data/model.js';
