import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INTROSPECTION_POLICIES, normalizeOrigin, type IntrospectionPolicy } from '@maru/core';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface HubConfig {
  /** TCP port. `PORT`, default 4000; 0 picks a free one. */
  port: number;
  /** Interface to listen on. `HOST`, default 127.0.0.1 (set 0.0.0.0 in containers). */
  host: string;
  /** Where the embedded store keeps its files. `MARU_DATA_DIR`, default ./.maru-data. */
  dataDir: string;
  /** Selects the MongoDB engine when set. `MONGODB_URI`. */
  mongodbUri: string | null;
  /**
   * Redis shared by the hubs of one deployment (live events, rate limits, cached answers' freshness, plugin changes).
   * `MARU_REDIS_URL` (`redis://` or `rediss://`); default none: one hub needs no Redis.
   */
  redisUrl: string | null;
  /** What this deployment's Redis keys and channels start with. `MARU_REDIS_PREFIX`, default `maru`. */
  redisPrefix: string;
  /** `LOG_LEVEL` (or `MARU_LOG_LEVEL`), default info. */
  logLevel: LogLevel;
  /** Seed demo data and allow demo login. `MARU_DEMO=true` or `--demo`. Never in production. */
  demo: boolean;
  /** Serve GraphiQL to browsers. `MARU_GRAPHIQL`, default true. */
  graphiql: boolean;
  /** How long shutdown waits for in-flight requests. `MARU_SHUTDOWN_TIMEOUT_MS`, default 10000. */
  shutdownTimeoutMs: number;
  /** Requests per minute per API key (or address). `MARU_RATE_LIMIT`, default 1200; 0 turns it off. */
  rateLimitPerMinute: number;
  /** How long an anonymous query's answer is served from memory at most; writes on this instance end it at once. `MARU_RESPONSE_CACHE_TTL_MS`, default 5000; 0 turns the cache off. */
  responseCacheTtlMs: number;
  /** How often due challenges are closed at their deadline. `MARU_SCHEDULER_INTERVAL_MS`, default 30000; 0 turns it off. */
  schedulerIntervalMs: number;
  /**
   * How long a running data sync holds its connection before another hub may take it over (the sync renews it while it
   * runs; a hub that dies mid-sync leaves it to lapse). `MARU_SYNC_LEASE_MS`, default 300000 (5 minutes).
   */
  syncLeaseMs: number;
  /**
   * Plugins to load: npm package names or paths of built modules, with the
   * capabilities the operator grants. `MARU_PLUGINS` (comma-separated names,
   * granting nothing) or `plugins` in the config file. Demo mode loads the
   * bundled plugins with what they ask for.
   */
  plugins: Array<{ package: string; capabilities: string[] }>;
  /** Development only: load unsigned plugins. `MARU_ALLOW_UNSIGNED_PLUGINS`; on in demo mode, off otherwise. */
  allowUnsignedPlugins: boolean;
  /**
   * Where plugin code runs. `fenced` (default): a plugin-host child process per plugin, under Node's
   * permission model. `unconfined`: worker threads in the hub's own process, where plugin code can
   * reach everything the hub can — for debugging a plugin only. `MARU_PLUGIN_ISOLATION`.
   */
  pluginIsolation: 'fenced' | 'unconfined';
  /** The plugin host's user and group, `uid:gid` (the hub must run as root to switch). `MARU_PLUGIN_HOST_USER`, default the hub's own. */
  pluginHostUser: { uid: number; gid: number } | null;
  /** Each plugin host's resident memory ceiling in MiB (one host per plugin); above it the host is restarted. `MARU_PLUGIN_HOST_MAX_RSS_MB`, default 1024. */
  pluginHostMaxRssMb: number;
  /** Let plugins' `ctx.fetch` reach declared hosts on loopback, private or link-local addresses. `MARU_PLUGIN_FETCH_PRIVATE`, default false. */
  pluginFetchAllowPrivate: boolean;
  /** Load legacy plugins of API 1 (worker threads, listed UNCONFINED). `MARU_PLUGIN_LEGACY_WORKERS`, default false. */
  pluginLegacyWorkers: boolean;
  /** Each plugin isolate's memory limit in MiB (heap and ArrayBuffers). `MARU_PLUGIN_ISOLATE_MEMORY_MB`, default 64. */
  pluginIsolateMemoryMb: number;
  /** The folder CSV connections read from and uploads land in; created at start. `MARU_IMPORT_DIR`, default `<dataDir>/imports`. */
  importDir: string;
  /**
   * Secrets data connectors may name (auth headers, MongoDB URIs), by name:
   * `MARU_SECRET_TRAFFIC_API` is the secret `TRAFFIC_API`. Environment only,
   * never the config file, so they stay out of files that get copied around.
   */
  secrets: Record<string, string>;
  /**
   * The agencies (slugs, comma-separated) that may use each secret:
   * `MARU_SECRET_TRAFFIC_API_AGENCIES=seoul-transport`. A grant covers the
   * agency and those below it. A secret without it is usable by none.
   */
  secretAgencies: Record<string, string[]>;
  /** Hosts (`host` or `host:port`) HTTP connectors may reach. `MARU_CONNECTOR_HOSTS`, comma-separated, or `*` for any; default none (deny by default: the hub reaches into the operator's network). */
  connectorHosts: string[];
  /** The largest CSV upload, in MiB. `MARU_MAX_UPLOAD_MB`, default 512. */
  maxUploadMb: number;
  /** The address clients reach the hub at, e.g. `https://maru.example.go.kr`, for links it publishes (the DCAT catalogue). `MARU_PUBLIC_URL`; default: the request's Host header over http. */
  publicUrl: string | null;
  /**
   * Where the hub POSTs e-mail it wants sent (member invitations) as JSON `{ kind, to, organization, link, expiresAt }`,
   * for the operator's mail service to deliver. `MARU_MAIL_WEBHOOK_URL`; default none: invitations are still made and
   * the log line has the link to pass on.
   */
  mailWebhookUrl: string | null;
  /**
   * People's sign-in through an OpenID Connect provider, or null when none is configured. `MARU_OIDC_ISSUER`,
   * `MARU_OIDC_CLIENT_ID`, `MARU_OIDC_CLIENT_SECRET` (environment only), `MARU_OIDC_PROVIDER_NAME` (on the sign-in
   * button; default the issuer's host), `MARU_OIDC_EMAIL_CLAIM` (default `email`). Needs `MARU_PUBLIC_URL`: the
   * redirect URI is `<public URL>/auth/callback`.
   */
  oidc: OidcConfig | null;
  /** Session cookies only over HTTPS. `MARU_SESSION_COOKIE_SECURE`, default true; false for plain-HTTP development. */
  sessionCookieSecure: boolean;
  /** A browser session ends after this long unused. `MARU_SESSION_IDLE_MINUTES`, default 480 (8 hours). */
  sessionIdleMinutes: number;
  /** A browser session ends after this long however used. `MARU_SESSION_ABSOLUTE_HOURS`, default 168 (7 days). */
  sessionAbsoluteHours: number;
  /**
   * The Ed25519 key that signs audit checkpoints, PKCS8 PEM or the base64 of its DER. `MARU_AUDIT_SIGNING_KEY`,
   * environment only; default: the key file below, created at first start.
   */
  auditSigningKey: string | null;
  /** The checkpoint key's file (PKCS8 PEM, mode 0600), created at first start. `MARU_AUDIT_KEY_FILE`, default `<dataDir>/audit-signing-key.pem`. */
  auditKeyFile: string;
  /** Where signed checkpoints are appended, one JSON line each. `MARU_AUDIT_CHECKPOINT_FILE`, default `<dataDir>/audit-checkpoints.jsonl`. */
  auditCheckpointFile: string;
  /** How often the audit trail and the data access log are checkpointed (and at start and shutdown). `MARU_AUDIT_CHECKPOINT_INTERVAL_MS`, default 300000; 0: at start and shutdown only. */
  auditCheckpointIntervalMs: number;
  /** Other web origins whose pages may call the GraphQL API from a browser. `MARU_CORS_ORIGINS`, comma-separated (`https://portal.example.go.kr`), `*` for any without credentials; default none: same origin only. */
  corsOrigins: string[];
  /** Who may ask the schema about itself: `public`, `signed-in` or `off`. `MARU_INTROSPECTION`; default `signed-in`, `public` in demo mode. */
  introspection: IntrospectionPolicy;
  /** Send `Strict-Transport-Security` (a year, this host). `MARU_HSTS`; default true when `MARU_PUBLIC_URL` is https://. */
  hsts: boolean;
  /**
   * Who runs this hub, as the portal's identifier and footer name them (KRDS 운영기관 식별자): `MARU_OPERATOR_NAME`
   * (Korean) and `MARU_OPERATOR_NAME_EN`, `MARU_OPERATOR_ADDRESS` and `MARU_OPERATOR_ADDRESS_EN`,
   * `MARU_OPERATOR_CONTACT` (phone, e-mail), `MARU_OPERATOR_URL`. Default none; demo mode names a demo operator.
   */
  operator: OperatorConfig | null;
  /**
   * The folder of the policy pages the portal's footer links to: `ko/` and `en/`, each with `privacy.md`, `terms.md`,
   * `copyright.md`, `accessibility.md` (any may be missing), each starting with a `# Title` line. `MARU_POLICIES_DIR`;
   * default none; demo mode shows the hub's demo pages.
   */
  policiesDir: string | null;
  /** `beta` shows the portal's phase banner while the service is tried out; `live` (default) does not. Demo mode always shows it. `MARU_SITE_PHASE`. */
  sitePhase: 'beta' | 'live';
}

export interface OperatorConfig {
  name: { ko: string; en: string | null };
  address: { ko: string; en: string | null } | null;
  contact: string | null;
  url: string | null;
}

export interface OidcConfig {
  /** The provider's issuer URL; its `/.well-known/openid-configuration` is read at start. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  providerName: string;
  /** The ID token or UserInfo claim members are matched by; with `email`, `email_verified` must be true. */
  emailClaim: string;
  /** Where the provider sends people back: `<MARU_PUBLIC_URL>/auth/callback`. */
  redirectUri: string;
}

/** A setting that cannot be used; the message names the variable or file and what to change. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type FileOnlyKey =
  | 'oidcIssuer'
  | 'oidcClientId'
  | 'oidcProviderName'
  | 'oidcEmailClaim'
  | 'operatorName'
  | 'operatorNameEn'
  | 'operatorAddress'
  | 'operatorAddressEn'
  | 'operatorContact'
  | 'operatorUrl';
type RawConfig = Partial<Record<keyof HubConfig | FileOnlyKey, unknown>>;

const FILE_KEYS: ReadonlyArray<keyof HubConfig | FileOnlyKey> = [
  'port',
  'host',
  'dataDir',
  'mongodbUri',
  'redisUrl',
  'redisPrefix',
  'logLevel',
  'demo',
  'graphiql',
  'shutdownTimeoutMs',
  'rateLimitPerMinute',
  'responseCacheTtlMs',
  'schedulerIntervalMs',
  'syncLeaseMs',
  'plugins',
  'allowUnsignedPlugins',
  'pluginIsolation',
  'pluginHostUser',
  'pluginHostMaxRssMb',
  'pluginFetchAllowPrivate',
  'pluginLegacyWorkers',
  'pluginIsolateMemoryMb',
  'importDir',
  'connectorHosts',
  'maxUploadMb',
  'publicUrl',
  'mailWebhookUrl',
  'oidcIssuer',
  'oidcClientId',
  'oidcProviderName',
  'oidcEmailClaim',
  'sessionCookieSecure',
  'sessionIdleMinutes',
  'sessionAbsoluteHours',
  'auditKeyFile',
  'auditCheckpointFile',
  'auditCheckpointIntervalMs',
  'corsOrigins',
  'introspection',
  'hsts',
  'operatorName',
  'operatorNameEn',
  'operatorAddress',
  'operatorAddressEn',
  'operatorContact',
  'operatorUrl',
  'policiesDir',
  'sitePhase',
];

const SECRET_PREFIX = 'MARU_SECRET_';
const AGENCIES_SUFFIX = '_AGENCIES';
// As the core's connectors accept secret names.
const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
const HOST =
  /^(\*|\[[0-9A-Fa-f:.]+\](:\d{1,5})?|[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?)$/;

/**
 * Configuration from, in rising precedence: defaults, a JSON config file
 * (`MARU_CONFIG`, or `maru.config.json` in the working directory when present),
 * the environment, and command-line flags (`--demo`; any other argument is
 * refused, so a mistyped flag does not silently fall back to a default).
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = [],
  cwd = process.cwd(),
): HubConfig {
  const fromFile = readConfigFile(env.MARU_CONFIG, cwd);
  const raw: RawConfig = {
    ...fromFile,
    ...defined({
      port: env.PORT,
      host: env.HOST,
      dataDir: env.MARU_DATA_DIR,
      mongodbUri: env.MONGODB_URI,
      redisUrl: env.MARU_REDIS_URL,
      redisPrefix: env.MARU_REDIS_PREFIX,
      logLevel: env.LOG_LEVEL ?? env.MARU_LOG_LEVEL,
      demo: env.MARU_DEMO,
      graphiql: env.MARU_GRAPHIQL,
      shutdownTimeoutMs: env.MARU_SHUTDOWN_TIMEOUT_MS,
      rateLimitPerMinute: env.MARU_RATE_LIMIT,
      responseCacheTtlMs: env.MARU_RESPONSE_CACHE_TTL_MS,
      schedulerIntervalMs: env.MARU_SCHEDULER_INTERVAL_MS,
      syncLeaseMs: env.MARU_SYNC_LEASE_MS,
      plugins: env.MARU_PLUGINS,
      allowUnsignedPlugins: env.MARU_ALLOW_UNSIGNED_PLUGINS,
      pluginIsolation: env.MARU_PLUGIN_ISOLATION,
      pluginHostUser: env.MARU_PLUGIN_HOST_USER,
      pluginHostMaxRssMb: env.MARU_PLUGIN_HOST_MAX_RSS_MB,
      pluginFetchAllowPrivate: env.MARU_PLUGIN_FETCH_PRIVATE,
      pluginLegacyWorkers: env.MARU_PLUGIN_LEGACY_WORKERS,
      pluginIsolateMemoryMb: env.MARU_PLUGIN_ISOLATE_MEMORY_MB,
      importDir: env.MARU_IMPORT_DIR,
      connectorHosts: env.MARU_CONNECTOR_HOSTS,
      maxUploadMb: env.MARU_MAX_UPLOAD_MB,
      publicUrl: env.MARU_PUBLIC_URL,
      mailWebhookUrl: env.MARU_MAIL_WEBHOOK_URL,
      oidcIssuer: env.MARU_OIDC_ISSUER,
      oidcClientId: env.MARU_OIDC_CLIENT_ID,
      oidcProviderName: env.MARU_OIDC_PROVIDER_NAME,
      oidcEmailClaim: env.MARU_OIDC_EMAIL_CLAIM,
      auditKeyFile: env.MARU_AUDIT_KEY_FILE,
      auditCheckpointFile: env.MARU_AUDIT_CHECKPOINT_FILE,
      auditCheckpointIntervalMs: env.MARU_AUDIT_CHECKPOINT_INTERVAL_MS,
      corsOrigins: env.MARU_CORS_ORIGINS,
      introspection: env.MARU_INTROSPECTION,
      hsts: env.MARU_HSTS,
      sessionCookieSecure: env.MARU_SESSION_COOKIE_SECURE,
      sessionIdleMinutes: env.MARU_SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: env.MARU_SESSION_ABSOLUTE_HOURS,
      operatorName: env.MARU_OPERATOR_NAME,
      operatorNameEn: env.MARU_OPERATOR_NAME_EN,
      operatorAddress: env.MARU_OPERATOR_ADDRESS,
      operatorAddressEn: env.MARU_OPERATOR_ADDRESS_EN,
      operatorContact: env.MARU_OPERATOR_CONTACT,
      operatorUrl: env.MARU_OPERATOR_URL,
      policiesDir: env.MARU_POLICIES_DIR,
      sitePhase: env.MARU_SITE_PHASE,
    }),
  };
  for (const arg of argv) {
    if (arg === '--demo') raw.demo = true;
    else
      throw new ConfigError(
        `${arg.startsWith('-') ? 'unknown option' : 'unexpected argument'} "${arg}"; run maru-hub --help to see the options.`,
      );
  }

  const port = integer(raw.port ?? 4000, 'PORT', 0, 65535);
  const logLevel = String(raw.logLevel ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new ConfigError(`LOG_LEVEL "${logLevel}" is not a level; use one of ${LOG_LEVELS.join(', ')}.`);
  const mongodbUri = raw.mongodbUri ? String(raw.mongodbUri) : null;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri))
    throw new ConfigError('MONGODB_URI must start with mongodb:// or mongodb+srv://.');
  const dataDir = resolve(cwd, String(raw.dataDir ?? '.maru-data'));
  const shownUrl = raw.publicUrl ? publicUrl(raw.publicUrl) : null;
  const sessionIdleMinutes = integer(raw.sessionIdleMinutes ?? 480, 'MARU_SESSION_IDLE_MINUTES', 1, 525_600);
  const sessionAbsoluteHours = integer(raw.sessionAbsoluteHours ?? 168, 'MARU_SESSION_ABSOLUTE_HOURS', 1, 8_760);
  if (sessionIdleMinutes > sessionAbsoluteHours * 60)
    throw new ConfigError(
      `MARU_SESSION_IDLE_MINUTES (${sessionIdleMinutes}) is longer than MARU_SESSION_ABSOLUTE_HOURS (${sessionAbsoluteHours} h); make it shorter.`,
    );
  return {
    port,
    host: String(raw.host ?? '127.0.0.1'),
    dataDir,
    mongodbUri,
    redisUrl: raw.redisUrl ? redisUrl(raw.redisUrl) : null,
    redisPrefix: redisPrefix(raw.redisPrefix ?? 'maru'),
    logLevel: logLevel as LogLevel,
    demo: boolean(raw.demo ?? false, 'MARU_DEMO'),
    graphiql: boolean(raw.graphiql ?? true, 'MARU_GRAPHIQL'),
    shutdownTimeoutMs: integer(raw.shutdownTimeoutMs ?? 10_000, 'MARU_SHUTDOWN_TIMEOUT_MS', 0, 600_000),
    rateLimitPerMinute: integer(raw.rateLimitPerMinute ?? 1_200, 'MARU_RATE_LIMIT', 0, 10_000_000),
    responseCacheTtlMs: integer(raw.responseCacheTtlMs ?? 5_000, 'MARU_RESPONSE_CACHE_TTL_MS', 0, 600_000),
    schedulerIntervalMs: integer(raw.schedulerIntervalMs ?? 30_000, 'MARU_SCHEDULER_INTERVAL_MS', 0, 86_400_000),
    // Renewed every third of it: below a second a busy store could let a live sync's lease lapse.
    syncLeaseMs: integer(raw.syncLeaseMs ?? 300_000, 'MARU_SYNC_LEASE_MS', 1_000, 86_400_000),
    plugins: pluginList(raw.plugins),
    allowUnsignedPlugins: boolean(raw.allowUnsignedPlugins ?? raw.demo ?? false, 'MARU_ALLOW_UNSIGNED_PLUGINS'),
    pluginIsolation: isolation(raw.pluginIsolation),
    pluginHostUser: raw.pluginHostUser === undefined || raw.pluginHostUser === '' ? null : hostUser(raw.pluginHostUser),
    pluginHostMaxRssMb: integer(raw.pluginHostMaxRssMb ?? 1024, 'MARU_PLUGIN_HOST_MAX_RSS_MB', 64, 1_048_576),
    pluginFetchAllowPrivate: boolean(raw.pluginFetchAllowPrivate ?? false, 'MARU_PLUGIN_FETCH_PRIVATE'),
    pluginLegacyWorkers: boolean(raw.pluginLegacyWorkers ?? false, 'MARU_PLUGIN_LEGACY_WORKERS'),
    pluginIsolateMemoryMb: integer(raw.pluginIsolateMemoryMb ?? 64, 'MARU_PLUGIN_ISOLATE_MEMORY_MB', 8, 4096),
    importDir: raw.importDir ? resolve(cwd, String(raw.importDir)) : join(dataDir, 'imports'),
    ...secretsFrom(env),
    connectorHosts: raw.connectorHosts === undefined || raw.connectorHosts === '' ? [] : hostList(raw.connectorHosts),
    maxUploadMb: integer(raw.maxUploadMb ?? 512, 'MARU_MAX_UPLOAD_MB', 1, 1_048_576),
    publicUrl: shownUrl,
    mailWebhookUrl: raw.mailWebhookUrl ? mailWebhookUrl(raw.mailWebhookUrl) : null,
    oidc: oidcFrom(raw, env.MARU_OIDC_CLIENT_SECRET, shownUrl),
    sessionCookieSecure: boolean(raw.sessionCookieSecure ?? true, 'MARU_SESSION_COOKIE_SECURE'),
    sessionIdleMinutes,
    sessionAbsoluteHours,
    auditSigningKey: env.MARU_AUDIT_SIGNING_KEY ? env.MARU_AUDIT_SIGNING_KEY : null,
    auditKeyFile: resolve(cwd, String(raw.auditKeyFile ?? join(dataDir, 'audit-signing-key.pem'))),
    auditCheckpointFile: resolve(cwd, String(raw.auditCheckpointFile ?? join(dataDir, 'audit-checkpoints.jsonl'))),
    auditCheckpointIntervalMs: integer(
      raw.auditCheckpointIntervalMs ?? 300_000,
      'MARU_AUDIT_CHECKPOINT_INTERVAL_MS',
      0,
      86_400_000,
    ),
    corsOrigins: corsOrigins(raw.corsOrigins),
    introspection: introspection(
      raw.introspection ?? (boolean(raw.demo ?? false, 'MARU_DEMO') ? 'public' : 'signed-in'),
    ),
    hsts: boolean(raw.hsts ?? shownUrl?.startsWith('https://') ?? false, 'MARU_HSTS'),
    operator: operatorFrom(raw),
    policiesDir: raw.policiesDir ? resolve(cwd, String(raw.policiesDir)) : null,
    sitePhase: sitePhase(raw.sitePhase ?? 'live'),
  };
}

/** The operator's settings: a name (in Korean) or none of them, each a line of text. */
function operatorFrom(raw: RawConfig): OperatorConfig | null {
  const text = (value: unknown, name: string, max: number): string | null => {
    if (value === undefined || value === null || String(value).trim() === '') return null;
    const line = String(value).trim();
    if (line.length > max || /[\r\n]/.test(line))
      throw new ConfigError(`${name} must be one line of at most ${max} characters.`);
    return line;
  };
  const name = text(raw.operatorName, 'MARU_OPERATOR_NAME', 100);
  const rest = {
    nameEn: text(raw.operatorNameEn, 'MARU_OPERATOR_NAME_EN', 100),
    address: text(raw.operatorAddress, 'MARU_OPERATOR_ADDRESS', 200),
    addressEn: text(raw.operatorAddressEn, 'MARU_OPERATOR_ADDRESS_EN', 200),
    contact: text(raw.operatorContact, 'MARU_OPERATOR_CONTACT', 200),
    url: raw.operatorUrl ? publicUrl(raw.operatorUrl, 'MARU_OPERATOR_URL') : null,
  };
  if (!name) {
    if (Object.values(rest).some((value) => value !== null))
      throw new ConfigError(
        "MARU_OPERATOR_NAME is not set, but other MARU_OPERATOR_ settings are; set the operator's name (in Korean) too.",
      );
    return null;
  }
  return {
    name: { ko: name, en: rest.nameEn },
    address: rest.address ? { ko: rest.address, en: rest.addressEn } : null,
    contact: rest.contact,
    url: rest.url,
  };
}

function sitePhase(value: unknown): 'beta' | 'live' {
  const phase = String(value).trim().toLowerCase();
  if (phase !== 'beta' && phase !== 'live')
    throw new ConfigError(`MARU_SITE_PHASE must be beta or live; it is "${String(value)}".`);
  return phase;
}

/** `MARU_CORS_ORIGINS`: origins only (scheme, host, port), each exactly as a browser sends it in `Origin`. */
function corsOrigins(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  const list = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return list
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const origin = normalizeOrigin(item);
      if (!origin)
        throw new ConfigError(
          `MARU_CORS_ORIGINS holds "${item}", which is not an origin; list origins such as https://portal.example.go.kr (scheme, host and port, no path), or *.`,
        );
      return origin;
    });
}

function introspection(value: unknown): IntrospectionPolicy {
  const policy = String(value).toLowerCase();
  if (!(INTROSPECTION_POLICIES as readonly string[]).includes(policy))
    throw new ConfigError(
      `MARU_INTROSPECTION must be one of ${INTROSPECTION_POLICIES.join(', ')}; it is "${String(value)}".`,
    );
  return policy as IntrospectionPolicy;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const CLAIM = /^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/;

/** All of the OpenID Connect settings or none: half a configuration stops the hub, naming what is missing. */
function oidcFrom(raw: RawConfig, secret: string | undefined, hubUrl: string | null): OidcConfig | null {
  const given = [raw.oidcIssuer, raw.oidcClientId, secret, raw.oidcProviderName, raw.oidcEmailClaim].some(
    (value) => value !== undefined && value !== '',
  );
  if (!given) return null;
  const missing = [
    ['MARU_OIDC_ISSUER', raw.oidcIssuer],
    ['MARU_OIDC_CLIENT_ID', raw.oidcClientId],
    ['MARU_OIDC_CLIENT_SECRET', secret],
  ].find(([, value]) => value === undefined || value === '');
  if (missing)
    throw new ConfigError(
      `${missing[0]} is not set, but other MARU_OIDC_ settings are; set MARU_OIDC_ISSUER, MARU_OIDC_CLIENT_ID and MARU_OIDC_CLIENT_SECRET (environment only) together, or none.`,
    );
  let issuer: URL;
  try {
    issuer = new URL(String(raw.oidcIssuer));
  } catch {
    throw new ConfigError(
      `MARU_OIDC_ISSUER must be the provider's issuer URL, such as https://sso.example.go.kr/realms/maru; it is "${String(raw.oidcIssuer)}".`,
    );
  }
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname)))
    throw new ConfigError(
      `MARU_OIDC_ISSUER must be an https:// URL (http:// only on 127.0.0.1 or localhost, for development); it is "${issuer.href}".`,
    );
  if (!hubUrl)
    throw new ConfigError(
      'MARU_PUBLIC_URL is not set, but MARU_OIDC_ISSUER is: set it to the address people reach the hub at; the redirect URI registered at the provider is <MARU_PUBLIC_URL>/auth/callback.',
    );
  const emailClaim = String(raw.oidcEmailClaim ?? 'email');
  if (!CLAIM.test(emailClaim))
    throw new ConfigError(`MARU_OIDC_EMAIL_CLAIM must be a claim name such as email or upn; it is "${emailClaim}".`);
  const providerName = String(raw.oidcProviderName ?? issuer.hostname).trim();
  if (!providerName || providerName.length > 80)
    throw new ConfigError('MARU_OIDC_PROVIDER_NAME must be 1 to 80 characters: the name on the sign-in button.');
  return {
    issuer: String(raw.oidcIssuer),
    clientId: String(raw.oidcClientId),
    clientSecret: secret!,
    providerName,
    emailClaim,
    redirectUri: `${hubUrl}/auth/callback`,
  };
}

function isolation(value: unknown): 'fenced' | 'unconfined' {
  if (value === undefined || value === '' || value === 'fenced') return 'fenced';
  if (value === 'unconfined') return 'unconfined';
  throw new ConfigError(
    "MARU_PLUGIN_ISOLATION must be fenced (the default) or unconfined (plugin code in the hub's process: for debugging only).",
  );
}

function hostUser(value: unknown): { uid: number; gid: number } {
  const match = /^(\d{1,10}):(\d{1,10})$/.exec(String(value));
  if (!match)
    throw new ConfigError(
      "MARU_PLUGIN_HOST_USER must be uid:gid, e.g. 65534:65534 (nobody); the plugins' folders must be readable by that user.",
    );
  return { uid: Number(match[1]), gid: Number(match[2]) };
}

function secretsFrom(env: NodeJS.ProcessEnv): {
  secrets: Record<string, string>;
  secretAgencies: Record<string, string[]>;
} {
  const secrets: Record<string, string> = {};
  const secretAgencies: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith(SECRET_PREFIX) || value === undefined || value === '') continue;
    const name = key.slice(SECRET_PREFIX.length);
    // The message names the variable, never its value.
    if (!SECRET_NAME.test(name))
      throw new ConfigError(
        `${key}: a secret name (after ${SECRET_PREFIX}) starts with a letter and holds letters, digits and _, e.g. ${SECRET_PREFIX}TRAFFIC_API.`,
      );
    if (name.endsWith(AGENCIES_SUFFIX)) {
      const slugs = value
        .split(',')
        .map((slug) => slug.trim())
        .filter(Boolean);
      if (slugs.length === 0 || slugs.some((slug) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)))
        throw new ConfigError(`${key}: list agency slugs, comma-separated, e.g. seoul-transport,mois-public-data.`);
      secretAgencies[name.slice(0, -AGENCIES_SUFFIX.length)] = slugs;
    } else {
      secrets[name] = value;
    }
  }
  const orphans = Object.keys(secretAgencies).filter((name) => !(name in secrets));
  if (orphans.length > 0)
    throw new ConfigError(
      `${orphans.map((n) => `${SECRET_PREFIX}${n}${AGENCIES_SUFFIX}`).join(', ')} grant a secret that is not set; set ${orphans.map((n) => `${SECRET_PREFIX}${n}`).join(', ')} too.`,
    );
  return { secrets, secretAgencies };
}

function hostList(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : null;
  if (!list)
    throw new ConfigError('connectorHosts must be a list of hosts, e.g. ["apis.data.go.kr", "10.0.0.5:8080"], or "*".');
  const hosts = list.map((host) => host.trim().toLowerCase()).filter(Boolean);
  const bad = hosts.find((host) => !HOST.test(host));
  if (bad !== undefined)
    throw new ConfigError(
      `MARU_CONNECTOR_HOSTS: "${bad}" is not a host or host:port; give names like apis.data.go.kr or 10.0.0.5:8080, comma-separated, or * for any.`,
    );
  if (hosts.length === 0)
    throw new ConfigError('MARU_CONNECTOR_HOSTS is empty; name the hosts HTTP connectors may reach, or * for any.');
  return [...new Set(hosts)];
}

function publicUrl(value: unknown, name = 'MARU_PUBLIC_URL'): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new ConfigError(
      `${name} must be an absolute http(s) address such as https://maru.example.go.kr; it is "${String(value)}".`,
    );
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new ConfigError(
      `${name} must be an http(s) address without credentials, query or fragment; it is "${String(value)}".`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

function redisUrl(value: unknown): string {
  let url: URL | null = null;
  try {
    url = new URL(String(value));
  } catch {
    // Named below.
  }
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || !url.hostname)
    throw new ConfigError(
      `MARU_REDIS_URL must be a Redis address such as redis://redis.internal:6379 (rediss:// for TLS, redis://:password@host:6379/0 with a password); it is "${redacted(String(value))}".`,
    );
  return url.href;
}

/** The value with anything that looks like a password replaced, for messages. */
function redacted(value: string): string {
  return value.replace(/\/\/([^@/]*)@/, '//***@');
}

function redisPrefix(value: unknown): string {
  const text = String(value).trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(text))
    throw new ConfigError(
      `MARU_REDIS_PREFIX must be 1 to 64 letters, digits, "_", ".", ":" or "-" (no spaces), such as maru or maru-prod; it is "${text}".`,
    );
  return text;
}

function mailWebhookUrl(value: unknown): string {
  let url: URL | null = null;
  try {
    url = new URL(String(value));
  } catch {
    // Named below.
  }
  if (!url || !['http:', 'https:'].includes(url.protocol))
    throw new ConfigError(
      `MARU_MAIL_WEBHOOK_URL must be an http(s) address the hub POSTs messages to, such as https://mail.internal.example/maru; it is "${String(value)}".`,
    );
  return url.href;
}

function readConfigFile(explicit: string | undefined, cwd: string): RawConfig {
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, 'maru.config.json');
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError(`MARU_CONFIG points to ${path}, which does not exist.`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigError(`${path} must hold a JSON object.`);
  if ('oidcClientSecret' in parsed)
    throw new ConfigError(
      `${path}: the OpenID Connect client secret is read from MARU_OIDC_CLIENT_SECRET only, never the config file.`,
    );
  if ('secrets' in parsed)
    throw new ConfigError(
      `${path}: secrets are not read from the config file; set each as an environment variable ${SECRET_PREFIX}<NAME>.`,
    );
  const unknown = Object.keys(parsed).filter((key) => !(FILE_KEYS as readonly string[]).includes(key));
  if (unknown.length)
    throw new ConfigError(
      `${path}: unknown setting ${unknown.map((k) => `"${k}"`).join(', ')}; known settings are ${FILE_KEYS.join(', ')}.`,
    );
  return parsed as RawConfig;
}

function pluginList(value: unknown): HubConfig['plugins'] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ package: name, capabilities: [] }));
  if (!Array.isArray(value))
    throw new ConfigError('plugins must be a list of package names, or of { "package": ..., "capabilities": [...] }.');
  return value.map((item, i) => {
    if (typeof item === 'string') return { package: item, capabilities: [] };
    const entry = item as { package?: unknown; capabilities?: unknown };
    if (
      typeof entry?.package !== 'string' ||
      (entry.capabilities !== undefined && !Array.isArray(entry.capabilities))
    ) {
      throw new ConfigError(
        `plugins[${i}] must be a package name or { "package": "<name or path>", "capabilities": ["kv", ...] }.`,
      );
    }
    return { package: entry.package, capabilities: (entry.capabilities as unknown[] | undefined)?.map(String) ?? [] };
  });
}

function defined(values: RawConfig): RawConfig {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
}

function integer(value: unknown, name: string, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${String(value)}".`);
  return n;
}

function boolean(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw new ConfigError(`${name} must be true or false; it is "${String(value)}".`);
}
