export { createHub, createServices, hubCollections } from './create-hub.js';
export type { Hub, HubLimits, HubOptions } from './create-hub.js';
export { INTROSPECTION_POLICIES, type IntrospectionPolicy } from './graphql/use-introspection-policy.js';
export { normalizeOrigin } from './http/cors.js';
export type { TrustedDocuments } from './graphql/use-trusted-documents.js';
export type { ResponseCacheOptions } from './http/response-cache.js';
export type { RedisOptions, RedisStatus } from './coordination/index.js';
export type { HubContext, HubFeatures, HubServices } from './context.js';
export { ERROR_CODES, MaruError, isMaruError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { getSchema } from './schema.js';
export { POLICY_KINDS, SITE_LANGUAGES } from './site/index.js';
export type {
  PolicyKind,
  PolicyPage,
  SiteLanguage,
  SiteOperator,
  SiteOptions,
  SitePhase,
  SiteText,
} from './site/index.js';
export { silentLogger } from './logger.js';
export type { HubLogger } from './logger.js';
export { createSqliteStore } from './store/sqlite/sqlite-store.js';
export type { SqliteStore, SqliteStoreOptions } from './store/sqlite/sqlite-store.js';
export type { GroupCommitStats, WriteBatching } from './store/sqlite/group-commit.js';
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
export { hashEvent, type AuditEvent } from './audit/index.js';
export {
  createCheckpointSigner,
  generateCheckpointKey,
  isCheckpointSigned,
  parseCheckpointKey,
  type ChainCheck,
  type ChainProblem,
  type ChainVerification,
  type CheckpointLog,
  type CheckpointSigner,
  type SignedCheckpoint,
} from './audit/index.js';
export type {
  ApiKey,
  ApiKeyScope,
  Member,
  Organization,
  OrganizationKind,
  OrganizationProfile,
  Role,
} from './identity/index.js';
export type { BootstrapInput, BootstrapResult, Invitation, InvitationMessage, MailOptions } from './identity/index.js';
export { API_KEY_SCOPES, ORGANIZATION_KINDS, ROLES, ROLES_BY_KIND } from './identity/index.js';
export { encodeGlobalId, decodeGlobalId } from './graphql/global-id.js';
export { keysetAfter, sortValues } from './store/keyset.js';
export { CHALLENGE_SORTS, challengeListFilter } from './challenges/index.js';
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
export {
  FencedRunner,
  isolatedVmBinary,
  PluginCallError,
  PluginFence,
  PluginHost,
  pluginNamespace,
  PluginRunner,
  packageDigest,
  packageDirOf,
  signPackage,
  SIGNATURE_FILE,
  verifyPackage,
} from './plugins/index.js';
export type {
  InstalledPlugin,
  PackageSignature,
  PluginCall,
  PluginCallErrorCode,
  PluginConfig,
  PluginFenceOptions,
  PluginHostOptions,
  PluginKvPort,
  PluginRunnerOptions,
  PublisherKey,
  SignatureCheck,
  TrustedKey,
} from './plugins/index.js';
export type { ServiceCall, ServiceGrant, ServiceRecord, ServiceStatus } from './catalogue/index.js';
export type { ServiceCatalogue } from './catalogue/index.js';
export { dcatCatalogue, dcatDataset } from './data/index.js';
export type { DataOptions, DataServices } from './data/index.js';
export type {
  DataConnection,
  DataField,
  DataRecord,
  DataSync,
  AccessRequest,
  Consent,
  AccessLogEntry,
  Classification,
} from './data/index.js';
export { CLASSIFICATIONS } from './data/index.js';
