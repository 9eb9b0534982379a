import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { auditCollections, createAuditModule } from './audit/index.js';
import { challengeCollections, createChallengesModule, type RequiredDocuments } from './challenges/index.js';
import { createCoordination, type RedisOptions, type RedisStatus } from './coordination/index.js';
import { createHubEvents } from './events/index.js';
import {
  createDataModule,
  createPluginDataReader,
  dataCollections,
  DEFAULT_MAX_UPLOAD_BYTES,
  SUBJECT_KEY_PREFIX,
  type DataOptions,
  type DataServices,
} from './data/index.js';
import type { HubContext, HubFeatures, HubServices } from './context.js';
import { ERROR_CODES, isMaruError, type MaruError } from './errors.js';
import { createMaskError } from './graphql/mask-error.js';
import type { RateLimitOptions } from './graphql/rate-limiter.js';
import { useBadRequests } from './graphql/use-bad-requests.js';
import { useBodyLimits } from './graphql/use-body-limits.js';
import { useErrorCodes } from './graphql/use-error-codes.js';
import { useRefusalAudit } from './graphql/use-refusal-audit.js';
import { usePageSizeCost } from './graphql/use-page-size-cost.js';
import { createLoaders } from './graphql/loaders.js';
import { useJit } from './graphql/use-jit.js';
import { useCurrentSchema } from './graphql/use-current-schema.js';
import { useCacheDecision } from './graphql/use-cache-decision.js';
import { useTrustedDocuments, type TrustedDocuments } from './graphql/use-trusted-documents.js';
import { createRequestFront, type FrontServerContext, type RequestFront } from './http/request-front.js';
import type { YogaStages } from './http/graphql-lane.js';
import { createCorsPolicy, withCors } from './http/cors.js';
import { useIntrospectionPolicy, type IntrospectionPolicy } from './graphql/use-introspection-policy.js';
import { renderLocalGraphiQL, useGraphiQLAssets } from './graphql/graphiql-assets.js';
import { ResponseCache, type ResponseCacheOptions } from './http/response-cache.js';
import { trackWrites } from './store/write-tracking.js';
import {
  createIdentityModule,
  identityCollections,
  type IdentityAudit,
  type IdentityChangeFeed,
  type MailOptions,
  type SessionOptions,
  type SubjectKeys,
} from './identity/index.js';
import { silentLogger, type HubLogger } from './logger.js';
import { catalogueCollections, createCatalogueModule } from './catalogue/index.js';
import {
  buildTypedSchema,
  createPluginsModule,
  pluginCollections,
  type PluginConfig,
  type PluginHostOptions,
  type PluginPackageResolver,
} from './plugins/index.js';
import { getSchema } from './schema.js';
import {
  createNoticeSender,
  createNoticesModule,
  noticeCollections,
  type NoticeDeliveryOptions,
  type NoticesApi,
} from './notices/index.js';
import { createWalletModule, walletCollections } from './wallet/index.js';
import { createInsightsModule } from './insights/index.js';
import type { Store } from './store/port.js';

export interface HubLimits {
  /** Deepest selection allowed (introspection exempt). Default 10. */
  maxDepth?: number;
  /** Highest graphql-armor cost allowed. Default 5000. */
  maxCost?: number;
  /** Most aliases in one operation. Default 15. */
  maxAliases?: number;
  /** Most tokens in one document. Default 2000. */
  maxTokens?: number;
  /** Largest request body outside a file upload, in bytes (uploads: `data.maxUploadBytes`). Default 25 MB. */
  maxBodyBytes?: number;
}

export interface HubOptions {
  store: Store;
  /**
   * Requests per caller (the key or session it authenticated with, else its address; failed authentications per
   * address) and window; `false` turns limiting off. Default 1,200 a minute.
   */
  rateLimit?: RateLimitOptions | false;
  logger?: HubLogger;
  features?: Partial<HubFeatures>;
  /** Serve GraphiQL to browsers at the endpoint. Default true. */
  graphiql?: boolean;
  limits?: HubLimits;
  /** Milliseconds since the epoch. Default `Date.now`; tests move it to pass deadlines. */
  clock?: () => number;
  /** Plugins to load, each in its own worker thread. */
  plugins?: PluginConfig[];
  pluginOptions?: PluginHostOptions;
  /**
   * Finds an installed plugin package by name and exact version (pilot launches). Default: Node's resolution from the
   * hub.
   */
  resolvePluginPackage?: PluginPackageResolver;
  /** Data connections: the import folder, connector secrets and hosts, sync tuning. */
  data?: DataOptions;
  /** Run queries and mutations as graphql-jit compiled code (graphql-js for what it cannot compile). Default true. */
  jit?: boolean;
  /**
   * Plain requests (GET, or a small JSON POST asking for JSON) run yoga's stages without building Fetch
   * Request/Response objects (`http/graphql-lane.ts`). Default true; `false` sends every request through yoga's whole
   * pipeline (the equivalence test compares the two).
   */
  lane?: boolean;
  /**
   * Answers to anonymous queries kept and served again until a write or the TTL ends them; `false` turns it off.
   * Default on, 5 s TTL.
   */
  responseCache?: ResponseCacheOptions | false;
  /**
   * Operations first-party clients may send by their sha256 hash instead of their text (the portal's build lists them).
   */
  trustedDocuments?: TrustedDocuments;
  /** The mail hook invitations are delivered through (`webhookUrl`). Default none: the log has the link. */
  mail?: MailOptions;
  /** Where people reach the hub, e.g. `https://maru.example.go.kr`, for links in invitations. */
  publicUrl?: string | null;
  /** How long people's browser sessions last: unused (default 8 hours) and at most (default 7 days). */
  sessions?: SessionOptions;
  /**
   * Other web origins whose pages may call the GraphQL endpoint from a browser (`https://portal.example.go.kr`), with
   * the session cookie; `*` lets any page read public answers, without credentials. Default none: same origin only.
   */
  corsOrigins?: readonly string[];
  /**
   * Who may ask for `__schema`/`__type`: `public`, `signed-in` (a key or a session) or `off`. Default `signed-in`,
   * `public` when demo sign-in is on.
   */
  introspection?: IntrospectionPolicy;
  /**
   * Redis, shared by the hubs of one deployment: live events, rate limits, cached answers' freshness and plugin changes
   * go through it. Default none: one hub, all of it in this process. The hub starts and answers while Redis is away.
   */
  redis?: RedisOptions;
  /** Retries of notices sent to members' webhooks and e-mail through the notify plugin. Default 5 attempts, from 30 s. */
  notices?: NoticeDeliveryOptions;
}

/** The identity module's settings, from the hub's options. */
export interface IdentityOptions {
  mail?: MailOptions;
  publicUrl?: string | null;
  sessions?: SessionOptions;
  /** Identity changes between hubs (coordination's): cached viewers are forgotten on every hub at once. */
  changes?: IdentityChangeFeed;
}

/** What the request front (http/request-front.ts) hands yoga with each request. */
export type ServerContext = FrontServerContext;

export interface Hub {
  yoga: YogaServerInstance<ServerContext, HubContext>;
  services: HubServices;
  /**
   * The hub's store: for the hub's own checks (readiness, the engine's name) and tests' evidence. Resolvers never
   * see it; the domain modules own their tables.
   */
  store: Store;
  /** Runs a request through the hub in-process (tests, benchmarks): the whole request pipeline. */
  fetch: RequestFront['fetch'];
  /** Serves a Node HTTP request at the GraphQL endpoint: the whole request pipeline. */
  handle: RequestFront['handle'];
  /** Resolves when the store answers (`/readyz`). */
  ready(): Promise<void>;
  /** Whether Redis can be reached now (`/readyz`), or null when the hub has none. The hub answers either way. */
  redisStatus(): RedisStatus | null;
  /** Closes the store. The HTTP server is the caller's to close first. */
  close(): Promise<void>;
}

/** Collections no anonymous query shows: writing them leaves cached public answers valid. */
const UNSHOWN_COLLECTIONS = new Set([
  'audit_events',
  'audit_intents',
  'chain_heads',
  'data_access_log',
  'service_calls',
  'api_keys',
  'sessions',
]);

/** The largest body of a request other than an upload, unless `limits.maxBodyBytes` says otherwise. */
const DEFAULT_MAX_BODY_BYTES = 25_000_000;

/** Every collection the core declares, for `store.migrate`. */
export const hubCollections = [
  ...identityCollections,
  ...auditCollections,
  ...challengeCollections,
  ...catalogueCollections,
  ...pluginCollections,
  ...dataCollections,
  ...walletCollections,
  ...noticeCollections,
];

export async function createServices(
  store: Store,
  clock: () => number = Date.now,
  logger: HubLogger = silentLogger,
  pluginOptions: PluginHostOptions = {},
  resolvePluginPackage?: PluginPackageResolver,
  dataOptions: DataOptions = {},
  identityOptions: IdentityOptions = {},
  /** Where events go beyond this process (coordination's Redis event target). Default: this process only. */
  eventTarget?: EventTarget,
  /** Retries of notices sent to members' webhooks and e-mail. */
  noticeOptions?: NoticeDeliveryOptions,
): Promise<HubServices> {
  await store.migrate(hubCollections);
  const events = createHubEvents(eventTarget);
  // Subject keys are the data module's, made below; `authenticate` reaches them only when a request comes.
  const subjects: SubjectKeys = {
    keyPrefix: SUBJECT_KEY_PREFIX,
    authenticateSubject: (key) => data.consents.authenticateSubject(key),
  };
  // The audit module reads identity's organizations; identity appends to it only when a request comes.
  const identityAudit: IdentityAudit = { append: (entry) => audit.append(entry) };
  const { organizations, members, apiKeys, invitations, sessions, signIn, authenticate, bootstrap } =
    createIdentityModule(store, {
      subjects,
      audit: identityAudit,
      clock,
      logger,
      ...identityOptions,
    }).api;
  const audit = createAuditModule(store, { organizations, clock }).api;
  const {
    challenges,
    questions,
    submissions,
    reviews,
    figures: challengeFigures,
  } = createChallengesModule(store, {
    organizations,
    members,
    audit,
    events,
    clock,
    // The plugins module's outbox and the notices module, made below; challenges record events in them only when they
    // happen, under the transition's claim (a hub taking a dead one's transition over records them again: both are
    // idempotent by the event's id).
    outbox: {
      record: async (event): Promise<void> => {
        await plugins.recordEvent(event);
        await notices.triggers.challengeEvent(event);
      },
    },
    onQuestionAnswered: (question, challenge): Promise<void> => notices.triggers.questionAnswered(question, challenge),
    // The wallet, made below, says which of a challenge's required documents an organization has not presented.
    requiredDocuments: {
      unmetFor: (viewer, challengeId): ReturnType<RequiredDocuments['unmetFor']> =>
        wallet.presentations.unmetFor(viewer, challengeId),
    },
  }).api;
  // The catalogue comes before the plugins: a plugin's services are listed, admitted and metered there.
  const catalogue = createCatalogueModule(store, {
    clock,
    onAccessDecided: (grant): Promise<void> => notices.triggers.serviceAccessDecided(grant),
  }).api;
  const { plugins, pilots } = createPluginsModule(store, {
    catalogue,
    challenges,
    submissions,
    audit,
    events,
    logger,
    clock,
    options: pluginOptions,
    resolvePackage: resolvePluginPackage,
  }).api;
  const data: DataServices = createDataModule(store, {
    organizations,
    plugins,
    clock,
    logger,
    options: dataOptions,
    notices: {
      accessDecided: (request, connection): Promise<void> => notices.triggers.dataAccessDecided(request, connection),
      datasetAvailable: (connection, askedBy): Promise<void> => notices.triggers.datasetAvailable(connection, askedBy),
    },
  }).api;
  // Notices go to members' webhooks and e-mail through the notify plugin's `send` (the `notifications` service),
  // called by the hub on the member's behalf; e-mail is posted to the mail hook invitations use.
  const notices: NoticesApi = createNoticesModule(store, {
    organizations,
    members,
    challenges,
    submissions,
    clock,
    logger,
    options: noticeOptions,
    send: createNoticeSender(plugins, identityOptions.mail?.webhookUrl ?? null),
  }).api;
  plugins.setDataReader(createPluginDataReader(data));
  // Last: documents are issued and verified through plugins, and presented to challenges', data's and the catalogue's.
  const wallet = createWalletModule(store, {
    plugins,
    organizations,
    challenges,
    targets: { submissions, accessRequests: data.accessRequests, catalogue, consents: data.consents },
    clock,
  }).api;
  // Insights read the other modules' counts through their apis; they own no table.
  const insights = createInsightsModule({
    organizations,
    challenges,
    challengeFigures,
    catalogue,
    data,
    clock,
  }).api;
  return {
    insights,
    organizations,
    members,
    apiKeys,
    invitations,
    bootstrap,
    sessions,
    signIn,
    authenticate,
    audit,
    challenges,
    questions,
    submissions,
    reviews,
    events,
    catalogue,
    plugins,
    pilots,
    data,
    wallet,
    notices,
    clock,
  };
}

/**
 * The composition root: the store's services, the schema and the GraphQL
 * server's plugins, in order. Each optional part is one line here.
 */
export async function createHub(options: HubOptions): Promise<Hub> {
  const logger = options.logger ?? silentLogger;
  // Redis when the deployment has several hubs (events, rate limits, cache freshness, plugin changes); else in-process.
  const coordination = createCoordination(options.redis, logger);
  // Writes to what anonymous queries can show end cached answers (on every hub); logs and key-use stamps do not.
  const tracked = trackWrites(options.store, UNSHOWN_COLLECTIONS, { afterWrite: coordination.afterWrite });
  const services = await createServices(
    tracked.store,
    options.clock,
    logger,
    options.pluginOptions,
    options.resolvePluginPackage,
    options.data,
    {
      mail: options.mail,
      publicUrl: options.publicUrl,
      sessions: options.sessions,
      changes: coordination.identityChanges,
    },
    coordination.eventTarget,
    options.notices,
  );
  // A plugin that fails to load is recorded as FAILED; the hub starts with the rest.
  await services.plugins.loadAll(options.plugins ?? []);
  // Pilots launched from uploaded packages are in the store, not the configuration: this hub runs them too.
  await services.pilots.restore();
  // Once this hub's own plugins are loaded: admins' changes here reach the other hubs, and theirs reach this one.
  services.plugins.onChange((name) => coordination.announcePluginChange(name));
  coordination.followPluginChanges((name) => services.plugins.reconcile(name));
  // Before any request: mutations a stopped hub left half done get their (INTERRUPTED) audit events.
  const interrupted = await services.audit.reconcileIntents();
  if (interrupted > 0)
    logger.warn({ interrupted }, 'the hub stopped during mutations; they are on the audit trail as INTERRUPTED');
  // Anonymous refused mutations are counted, and each window's count goes on the trail as one event.
  const summarise = (force: boolean) =>
    services.audit.summariseAnonymousRefusals(force).then(
      (event) => event && logger.warn({ detail: event.detail }, 'anonymous mutations were refused'),
      (err: unknown) => logger.error({ err }, 'could not summarise anonymous refusals on the audit trail'),
    );
  const summaries = setInterval(() => void summarise(false), 15_000);
  summaries.unref();
  const features: HubFeatures = { demoLogin: false, ...options.features };
  const limits = options.limits ?? {};
  const limiter =
    options.rateLimit === false ? null : coordination.rateLimit(options.rateLimit ?? { windowMs: 60_000, max: 1_200 });

  // The typed plugin fields change as plugins are enabled and disabled; the
  // schema is rebuilt once per change, not per request.
  let built = { generation: -1, schema: getSchema() };
  const currentSchema = () => {
    if (built.generation !== services.plugins.generation) {
      built = {
        generation: services.plugins.generation,
        schema: buildTypedSchema(getSchema(), services.plugins.enabledManifests()),
      };
    }
    return built.schema;
  };

  const yoga = createYoga<ServerContext, HubContext>({
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // useBodyLimits below: uploads up to data.maxUploadBytes, every other body up to limits.maxBodyBytes.
    maxRequestBodySize: false,
    // CORS is the request front's (http/cors.ts): yoga's default would let every origin in, with credentials.
    cors: false,
    graphiql: options.graphiql === false ? false : { title: 'Maru GraphiQL', defaultQuery: DEFAULT_QUERY },
    // GraphiQL's code from the hub itself, not a CDN: it works offline and under the hub's Content-Security-Policy.
    renderGraphiQL: renderLocalGraphiQL,
    logging: {
      debug: (...args) => logger.debug({ yoga: args }),
      info: (...args) => logger.info({ yoga: args }),
      warn: (...args) => logger.warn({ yoga: args }),
      // yoga logs at error every error its masker replaced: each refusal a client earned (UNAUTHENTICATED,
      // BAD_USER_INPUT...), one line per refused request (a fuzz run: 1,040 in 2,000 requests, issue #18). The
      // unexpected ones are logged at error by the masker itself (onUnexpected below), with the request id.
      error: (...args) => logger.debug({ yoga: args }),
    },
    maskedErrors: {
      maskError: createMaskError({
        onUnexpected: (error, requestId) =>
          logger.error({ err: error, requestId }, 'unexpected error in a GraphQL request'),
      }),
    },
    // The request front ran the stages before this (request id, authentication, rate limit, cache).
    context: ({ start, caching, req }): HubContext => {
      if (!start) throw new Error('a request reached yoga without passing the request front');
      if (start.refusal) throw isMaruError(start.refusal) ? withHttpStatus(start.refusal) : start.refusal;
      const { requestId, viewer, subject } = start;
      return {
        requestId,
        viewer,
        subject,
        address: req?.socket?.remoteAddress,
        services,
        features,
        loaders: createLoaders(services),
        caching: caching ?? { sideEffects: false, storable: false },
      };
    },
    plugins: [
      // The schema of the moment, set per request by an envelop hook rather than yoga's schema factory, which runs in
      // its request parsing — a stage the lane (http/graphql-lane.ts) does not pass.
      useCurrentSchema(currentSchema),
      ...(options.graphiql === false ? [] : [useGraphiQLAssets()]),
      // Always on, also with no documents: an unknown hash is then PERSISTED_QUERY_NOT_FOUND, on which clients send the
      // text.
      useTrustedDocuments(options.trustedDocuments ?? new Map()),
      // Before useBadRequests, which words its refusals of malformed multipart forms.
      useBodyLimits({
        maxUploadBytes: options.data?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
        maxBodyBytes: limits.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        tempDir: options.data?.importDir && join(options.data.importDir, '.incoming'),
      }),
      // A body, URL parameter or multipart form that is not a GraphQL request: 400 BAD_REQUEST saying what to send.
      useBadRequests(),
      // Codes first, so the errors armor and graphql-js raise below get theirs on the way out.
      useErrorCodes(),
      // After the codes are given: mutations refused before any resolver go on the audit trail (known callers) or
      // are counted (anonymous ones).
      useRefusalAudit(services.audit),
      // Depth, cost, alias, directive and token limits run as validation rules: an abusive
      // operation is refused before any resolver runs. Field suggestions stay: they say what to fix.
      EnvelopArmorPlugin({
        maxDepth: { n: limits.maxDepth ?? 10 },
        // A fragment costs what its fields cost written out (armor counts it as one more level otherwise, so a
        // page of fragments cost ~2.25× the same fields inline); cycles are refused by validation anyway.
        costLimit: { maxCost: limits.maxCost ?? 5000, flattenFragments: true },
        maxAliases: { n: limits.maxAliases ?? 15 },
        maxDirectives: { n: 20 },
        maxTokens: { n: limits.maxTokens ?? 2000 },
        blockFieldSuggestion: { enabled: false },
      }),
      // The cost limit again once variables are known: page sizes passed as variables count too.
      usePageSizeCost({ maxCost: limits.maxCost ?? 5000 }),
      useCacheDecision(),
      // Before execution (jit or not): whether this caller may introspect depends on who asks, not on the document.
      useIntrospectionPolicy(options.introspection ?? (features.demoLogin ? 'public' : 'signed-in')),
      ...(options.jit === false
        ? []
        : [
            useJit({
              onFallback: (operation, reason) =>
                logger.warn({ operation, reason }, 'graphql-jit could not compile an operation; graphql-js runs it'),
            }),
          ]),
    ],
  });

  const cache =
    options.responseCache === false
      ? null
      : new ResponseCache(
          coordination.cacheFreshness(tracked, () => services.plugins.generation),
          options.responseCache,
        );
  // The request pipeline, in the order every request passes it (http/request-front.ts says why each is where it is).
  const front = createRequestFront({
    requestId: (given) => given ?? randomUUID(),
    rateLimit: limiter,
    authenticate: services.authenticate,
    cache,
    graphql: {
      handle: async (req, res, serverContext) => {
        await yoga.handle(req, res, serverContext);
      },
      fetch: async (request, serverContext) => yoga.fetch(request, serverContext),
      // yoga's own stages, without its Fetch Request/Response objects, for plain GET and JSON POST requests.
      lane: options.lane === false ? null : (yoga as unknown as YogaStages<ServerContext>),
      maxBodyBytes: limits.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    },
  });

  // CORS outside the stages, first: preflights carry no credentials, and every answer (a cache hit too) gets its headers.
  const served = withCors(front, createCorsPolicy(options.corsOrigins ?? []));

  return {
    yoga,
    services,
    store: tracked.store,
    fetch: served.fetch,
    handle: served.handle,
    ready: () => options.store.ping(),
    redisStatus: () => coordination.redisStatus(),
    close: async () => {
      clearInterval(summaries);
      await summarise(true);
      await services.data.syncs.stop();
      await services.plugins.stop();
      await coordination.close();
      await options.store.close();
    },
  };
}

/**
 * Refusals before any field runs (bad key, rate limit) answer with the HTTP
 * status of their code — 401, 429 with Retry-After — so proxies and clients
 * see them without parsing the body. yoga reads `extensions.http` and strips it.
 */
function withHttpStatus(error: MaruError): GraphQLError {
  const headers: Record<string, string> = error.code === 'UNAUTHENTICATED' ? { 'WWW-Authenticate': 'Bearer' } : {};
  if (error.extensions.retryAfter) headers['Retry-After'] = String(error.extensions.retryAfter);
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...error.extensions,
      http: { status: ERROR_CODES[error.code as keyof typeof ERROR_CODES]?.http ?? 400, headers },
    },
  });
}

const DEFAULT_QUERY = `# Welcome to Maru. Public data needs no key; for the rest, add a header
# { "Authorization": "Bearer <api key>" } below. Demo hubs print demo keys at start.
{
  organizations(first: 10) {
    nodes { id kind name slug parent { name } }
    pageInfo { hasNextPage endCursor }
  }
}
`;
