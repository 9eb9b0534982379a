import type { AuditTrail } from './audit/audit-trail.js';
import type { ChallengeService } from './challenges/challenge-service.js';
import type { HubEvents } from './events/hub-events.js';
import type { QuestionService } from './challenges/question-service.js';
import type { DataServices } from './data/data-services.js';
import type { DataSubject } from './data/consent-service.js';
import type { ReviewService } from './challenges/review-service.js';
import type { SubmissionService } from './challenges/submission-service.js';
import type { ApiKeyService } from './identity/api-key-service.js';
import type { MemberService } from './identity/member-service.js';
import type { OrganizationService } from './identity/organization-service.js';
import type { Viewer } from './identity/viewer.js';
import type { RequestLoaders } from './graphql/loaders.js';
import type { RequestCaching } from './http/response-cache.js';
import type { PilotService } from './plugins/pilot-service.js';
import type { PluginHost } from './plugins/plugin-host.js';
import type { Store } from './store/port.js';

/** The domain services of one hub, built once at startup. */
export interface HubServices {
  store: Store;
  organizations: OrganizationService;
  members: MemberService;
  apiKeys: ApiKeyService;
  audit: AuditTrail;
  challenges: ChallengeService;
  questions: QuestionService;
  submissions: SubmissionService;
  reviews: ReviewService;
  events: HubEvents;
  plugins: PluginHost;
  pilots: PilotService;
  /** Data connections: catalogue, syncs, access requests, consents, reads and the access log. */
  data: DataServices;
  /** Milliseconds since the epoch; tests move it to pass deadlines. */
  clock: () => number;
}

export interface HubFeatures {
  /** Whether `demoLogin` issues keys for any seeded member. Never on in production. */
  demoLogin: boolean;
}

/** What every resolver receives. Built per request by the composition root. */
export interface HubContext {
  requestId: string;
  viewer: Viewer | null;
  /** A data subject signed in with a subject key (`Bearer msk_…`) instead of an API key; never both. */
  subject: DataSubject | null;
  services: HubServices;
  features: HubFeatures;
  /** Batch loaders for this request only. */
  loaders: RequestLoaders;
  /**
   * Whether this request's answer may be kept for the next anonymous caller; resolvers with side effects say so here.
   */
  caching: RequestCaching;
}
