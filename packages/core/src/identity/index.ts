/**
 * The identity module: organizations, their members and the members' API keys, and the one
 * `authenticate(Authorization header)` of the hub. Its tables never leave it; other modules and
 * seeders go through the `api` below. Importing this file registers its GraphQL part.
 */
import type { HubModule } from '../hub-module.js';
import type { Store } from '../store/port.js';
import { ApiKeyService } from './api-key-service.js';
import { createAuthenticate, type Authenticate, type SubjectKeys } from './authenticate.js';
import { MemberService } from './member-service.js';
import { identityCollections } from './model.js';
import { OrganizationService } from './organization-service.js';
import './organization-schema.js';
import './member-schema.js';
import './api-key-schema.js';
import './viewer-schema.js';

export interface IdentityApi {
  organizations: OrganizationService;
  members: MemberService;
  apiKeys: ApiKeyService;
  /** Who a request is, from its `Authorization` header (API keys here, subject keys through `subjects`). */
  authenticate: Authenticate;
}

export interface IdentityDeps {
  /** The data module's subject keys (`Bearer msk_…`), which `authenticate` hands over to it. */
  subjects: SubjectKeys;
}

export function createIdentityModule(store: Store, deps: IdentityDeps): HubModule<IdentityApi> {
  const organizations = new OrganizationService(store);
  const members = new MemberService(store, organizations);
  const apiKeys = new ApiKeyService(store, organizations, members);
  const authenticate = createAuthenticate({ apiKeys, subjects: deps.subjects });
  return {
    name: 'identity',
    collections: identityCollections,
    api: { organizations, members, apiKeys, authenticate },
  };
}

export type { Authenticate, Authenticated, SubjectKeys } from './authenticate.js';
export {
  ADMIN_ROLES,
  API_KEY_MODES,
  API_KEY_SCOPES,
  ORGANIZATION_KINDS,
  ROLES,
  ROLES_BY_KIND,
  identityCollections,
} from './model.js';
export type {
  ApiKey,
  ApiKeyMode,
  ApiKeyScope,
  Member,
  MemberStatus,
  Organization,
  OrganizationKind,
  Role,
} from './model.js';
export { canAdminister, hasRole, hasScope, isPlatformAdmin, isWithin, type Viewer } from './viewer.js';
export { requireAdminScope, requireScope } from './require.js';
export {
  escapeRegex,
  OrganizationService,
  type OrganizationQuery,
  type OrganizationSeed,
} from './organization-service.js';
export { MemberService, type MemberSeed } from './member-service.js';
export { ApiKeyService, hashApiKey, type IssuedApiKey } from './api-key-service.js';
export { OrganizationConnection, OrganizationKindEnum, OrganizationRef } from './organization-schema.js';
export { MemberConnection, MemberRef, MemberStatusEnum, RoleEnum } from './member-schema.js';
export {
  ApiKeyModeEnum,
  ApiKeyRef,
  ApiKeyScopeEnum,
  ApiKeyStatusEnum,
  CreatedApiKeyPayload,
} from './api-key-schema.js';
