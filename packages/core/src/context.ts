import type { AuditTrail } from './audit/index.js';
import type { ChallengeService, QuestionService, ReviewService, SubmissionService } from './challenges/index.js';
import type { HubEvents } from './events/index.js';
import type { DataServices, DataSubject } from './data/index.js';
import type {
  ApiKeyService,
  Authenticate,
  BootstrapInput,
  BootstrapResult,
  InvitationService,
  MemberService,
  OrganizationService,
  SessionService,
  SignInService,
  Viewer,
} from './identity/index.js';
import type { RequestLoaders } from './graphql/loaders.js';
import type { RequestCaching } from './http/response-cache.js';
import type { ServiceCatalogue } from './catalogue/index.js';
import type { PilotService, PluginHost } from './plugins/index.js';
import type { InsightsService } from './insights/index.js';
import type { NoticesApi } from './notices/index.js';
import type { WalletApi } from './wallet/index.js';
import type { SiteOptions } from './site/index.js';

/** The domain services of one hub, built once at startup. */
export interface HubServices {
  organizations: OrganizationService;
  members: MemberService;
  apiKeys: ApiKeyService;
  /** Invitations by e-mail, accepted at first sign-in. */
  invitations: InvitationService;
  /** The first platform admin, from the operator's command line (`maru-hub setup`); no resolver calls it. */
  bootstrap(input: BootstrapInput): Promise<BootstrapResult>;
  /** People's browser sessions (identity's). */
  sessions: SessionService;
  /** People's sign-in: who an identity provider's claims name, and the session that starts (identity's). */
  signIn: SignInService;
  /** Who a request is, from its `Authorization` header (identity's, subject keys included). */
  authenticate: Authenticate;
  audit: AuditTrail;
  challenges: ChallengeService;
  questions: QuestionService;
  submissions: SubmissionService;
  reviews: ReviewService;
  events: HubEvents;
  /** The shared services: their records, the grants to call them and the calls' metering. */
  catalogue: ServiceCatalogue;
  plugins: PluginHost;
  pilots: PilotService;
  /** Data connections: catalogue, syncs, access requests, consents, reads and the access log. */
  data: DataServices;
  /** Once-only documents: held for their holders, presented by reference, verified with their issuers. */
  wallet: WalletApi;
  /** Notices: organizations' interests, members' channels and inboxes, and what produces notices. */
  notices: NoticesApi;
  /** Figures for decisions, counted by the store, each shown to who may see it. */
  insights: InsightsService;
  /** Milliseconds since the epoch; tests move it to pass deadlines. */
  clock: () => number;
}

export interface HubFeatures {
  /** Whether `demoLogin` issues keys for any seeded member. Never on in production. */
  demoLogin: boolean;
  /** How people sign in besides demo login, for `signInOptions`: the OpenID Connect provider's name on its button. */
  signIn?: { oidc?: { providerName: string } | null };
  /** The site's identity for `site`: operator, policy pages, phase. Default: a live site with neither. */
  site?: SiteOptions;
}

/** What every resolver receives. Built per request by the composition root. */
export interface HubContext {
  requestId: string;
  viewer: Viewer | null;
  /** A data subject signed in with a subject key (`Bearer msk_…`) instead of an API key; never both. */
  subject: DataSubject | null;
  /** The caller's network address (absent in-process): anonymous refusals are counted by it. */
  address?: string;
  services: HubServices;
  features: HubFeatures;
  /** Batch loaders for this request only. */
  loaders: RequestLoaders;
  /**
   * Whether this request's answer may be kept for the next anonymous caller; resolvers with side effects say so here.
   */
  caching: RequestCaching;
}
