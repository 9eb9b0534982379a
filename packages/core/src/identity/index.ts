/**
 * The identity module: organizations, their members and the members' API keys, and the one
 * `authenticate(Authorization header)` of the hub. Its tables never leave it; other modules and
 * seeders go through the `api` below. Importing this file registers its GraphQL part.
 */
import type { HubModule } from '../hub-module.js';
import { silentLogger, type HubLogger } from '../logger.js';
import type { Store } from '../store/port.js';
import { ApiKeyService } from './api-key-service.js';
import { createAuthenticate, type Authenticate, type SubjectKeys } from './authenticate.js';
import { MemberService } from './member-service.js';
import { createInvitationMail, type MailOptions } from './invitation-mail.js';
import { InvitationService, type IdentityAudit } from './invitation-service.js';
import { identityCollections } from './model.js';
import { bootstrapPlatform, type BootstrapInput, type BootstrapResult } from './platform-bootstrap.js';
import { OrganizationService } from './organization-service.js';
import { SessionService, type SessionOptions } from './session-service.js';
import { SignInService } from './sign-in.js';
import { ViewerCache, type IdentityChangeFeed } from './viewer-cache.js';
import './organization-schema.js';
import './member-schema.js';
import './api-key-schema.js';
import './invitation-schema.js';
import './viewer-schema.js';
import './session-schema.js';

export interface IdentityApi {
  organizations: OrganizationService;
  members: MemberService;
  apiKeys: ApiKeyService;
  /** Invitations by e-mail, accepted at first sign-in (`acceptAtSignIn`). */
  invitations: InvitationService;
  /** People's browser sessions: started at sign-in, listed to their member, revocable, timed out. */
  sessions: SessionService;
  /** People's sign-in: the matching rule (verified e-mail → member) and the session it starts, audited. */
  signIn: SignInService;
  /**
   * The first start: the platform organization and a platform admin, as the system (`maru-hub setup`; audited
   * `platform.bootstrapped`, or `platform.adminAdded` with `addAdmin`). No resolver calls it.
   */
  bootstrap(input: BootstrapInput): Promise<BootstrapResult>;
  /**
   * Who a request is, from its `Authorization` header (API keys here, subject keys through `subjects`) or its
   * session cookie and CSRF header.
   */
  authenticate: Authenticate;
}

export interface IdentityDeps {
  /** The data module's subject keys (`Bearer msk_…`), which `authenticate` hands over to it. */
  subjects: SubjectKeys;
  /** The audit trail, for what no mutation wraps (an invitation accepted at sign-in). Late-bound: audit comes after. */
  audit: IdentityAudit;
  /** The mail hook invitations are delivered through. Default none: the operator's log has the link. */
  mail?: MailOptions;
  /** Where people reach the hub, for links in invitations. Default none: links are relative. */
  publicUrl?: string | null;
  clock?: () => number;
  logger?: HubLogger;
  /** Session timeouts. Default 8 hours idle, 7 days at most. */
  sessions?: SessionOptions;
  /**
   * How identity changes reach the other hubs (coordination's, through Redis). Default none: one hub, whose cached
   * viewers only its own writes change.
   */
  changes?: IdentityChangeFeed;
}

export function createIdentityModule(store: Store, deps: IdentityDeps): HubModule<IdentityApi> {
  const clock = deps.clock ?? Date.now;
  // Who a key or session is, kept between requests; every identity write below forgets what it changes.
  const viewers = new ViewerCache({ feed: deps.changes, clock });
  const organizations = new OrganizationService(store, viewers);
  const members = new MemberService(store, organizations, viewers);
  const apiKeys = new ApiKeyService(store, organizations, members, viewers);
  const logger = deps.logger ?? silentLogger;
  const invitations = new InvitationService(store, {
    organizations,
    members,
    audit: deps.audit,
    mail: createInvitationMail(deps.mail ?? {}, logger),
    publicUrl: deps.publicUrl ?? null,
    clock,
    logger,
  });
  const sessions = new SessionService(store, organizations, members, clock, deps.sessions, viewers);
  const signIn = new SignInService({ members, invitations, sessions, audit: deps.audit });
  const authenticate = createAuthenticate({ apiKeys, sessions, subjects: deps.subjects });
  return {
    name: 'identity',
    collections: identityCollections,
    api: {
      organizations,
      members,
      apiKeys,
      invitations,
      sessions,
      signIn,
      authenticate,
      bootstrap: (input) =>
        bootstrapPlatform({ organizations, members, apiKeys, invitations, audit: deps.audit }, input),
    },
  };
}

export type { Authenticate, Authenticated, RequestCredentials, SubjectKeys } from './authenticate.js';
export {
  hashSessionToken,
  SessionService,
  type Session,
  type SessionMeta,
  type SessionOptions,
  type StartedSession,
} from './session-service.js';
export { ViewerCache, type IdentityChange, type IdentityChangeFeed, type ViewerCacheOptions } from './viewer-cache.js';
export { SignInService, type IdentityClaims, type SignedIn, type SignInMeta, type SignInRefusal } from './sign-in.js';
export {
  ADMIN_ROLES,
  API_KEY_MODES,
  MEMBER_STATUSES,
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
  Invitation,
  InvitationStatus,
  Member,
  MemberStatus,
  Organization,
  OrganizationKind,
  Role,
} from './model.js';
export { canAdminister, hasRole, hasScope, isPlatformAdmin, isWithin, type Viewer } from './viewer.js';
export { requireAdminScope, requireLiveAdminScope, requireLiveKey, requireScope } from './require.js';
export {
  INVITATION_VALIDITY_MS,
  InvitationService,
  type IdentityAudit,
  type InvitationResult,
} from './invitation-service.js';
export type { InvitationMessage, MailOptions, MailOutcome } from './invitation-mail.js';
export type { BootstrapInput, BootstrapResult } from './platform-bootstrap.js';
export {
  escapeRegex,
  OrganizationService,
  type OrganizationQuery,
  type OrganizationSeed,
} from './organization-service.js';
export { MemberService, type MemberSeed } from './member-service.js';
export { ApiKeyService, hashApiKey, type IssuedApiKey } from './api-key-service.js';
export {
  IndustryEnum,
  OrganizationConnection,
  OrganizationKindEnum,
  OrganizationRef,
  RegionEnum,
  SizeBandEnum,
} from './organization-schema.js';
export {
  INDUSTRIES,
  INDUSTRY_CODES,
  REGIONS,
  SIZE_BANDS,
  type Industry,
  type OrganizationProfile,
  type Region,
  type SizeBand,
} from './organization-profile.js';
export { InvitationRef, InvitationStatusEnum } from './invitation-schema.js';
export { MemberConnection, MemberRef, MemberStatusEnum, RoleEnum } from './member-schema.js';
export {
  ApiKeyModeEnum,
  ApiKeyRef,
  ApiKeyScopeEnum,
  ApiKeyStatusEnum,
  CreatedApiKeyPayload,
} from './api-key-schema.js';
