import { createHub, type Hub } from '@maru/core';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from './config.js';
import { createAuthRoutes, discoverProvider } from './auth-routes.js';
import { startCheckpoints } from './audit-checkpoints.js';
import { createHttpServer } from './http-server.js';
import { listen } from './listen.js';
import { findPortalDir, loadTrustedDocuments } from './serve-portal.js';
import { createLogger } from './logger.js';
import { openStore } from './open-store.js';
import { seedDemoChallenges } from './demo-challenges.js';
import { DemoClock } from './demo-clock.js';
import { formatDemoSubjectKey, seedDemoConnections, type DemoConnectionsResult } from './demo-connections.js';
import { seedDemoGrants } from './demo-services.js';
import { seedDemoPilot } from './demo-pilot.js';
import { loadSite } from './site-settings.js';
import { BUNDLED_PLUGINS, resolvePlugins } from './resolve-plugins.js';
import { startScheduler } from './scheduler.js';
import { formatDemoKeys, seedDemo, type SeedResult } from './seed-demo.js';

export interface RunningHub {
  hub: Hub;
  logger: Logger;
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  seed: SeedResult | null;
  /** The built portal served at `/`, or null when there is none (then `/` redirects to GraphiQL). */
  portalDir: string | null;
  /** Stops accepting connections, lets in-flight requests finish (up to the timeout), then closes the store. */
  stop(): Promise<void>;
}

/** Demo mode loads whichever bundled plugins are built; a missing one is a warning, not a failed start. */
function bundledPlugins(logger: Logger) {
  return BUNDLED_PLUGINS.flatMap((plugin) => {
    try {
      return resolvePlugins([plugin]);
    } catch (error) {
      logger.warn({ plugin: plugin.package, reason: (error as Error).message }, 'bundled plugin not loaded');
      return [];
    }
  });
}

export interface StartHubOptions {
  logger?: Logger;
  /** Where the one-time demo key block goes. Default: stderr, apart from the JSON logs on stdout. */
  console?: NodeJS.WritableStream;
}

/**
 * Opens the store, composes the hub, seeds demo data in demo mode and listens.
 * A port that is taken rejects with a `PortInUseError`, after the store is closed again.
 */
export async function startHub(config: HubConfig, options: StartHubOptions = {}): Promise<RunningHub> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStore(config);
  await mkdir(config.importDir, { recursive: true });
  const plugins = config.plugins.length ? resolvePlugins(config.plugins) : config.demo ? bundledPlugins(logger) : [];
  const portalDir = findPortalDir();
  let provider: Awaited<ReturnType<typeof discoverProvider>> | null = null;
  let site: ReturnType<typeof loadSite>;
  try {
    // Before anything listens: a policy page that cannot be read stops the start, naming its file.
    site = loadSite(config);
    // Before anything listens: a provider that cannot be read stops the start, naming MARU_OIDC_ISSUER.
    provider = config.oidc ? await discoverProvider(config.oidc) : null;
  } catch (error) {
    await store.close();
    throw error;
  }
  // Demo mode seeds challenges with a history (published weeks ago, awarded last week): the clock stands at each step
  // while it is seeded, and is the real time otherwise.
  const demoClock = config.demo ? new DemoClock() : null;
  const hub = await createHub({
    store,
    logger,
    ...(demoClock ? { clock: demoClock.now } : {}),
    plugins,
    pluginOptions: {
      allowUnsigned: config.allowUnsignedPlugins,
      isolation: config.pluginIsolation,
      hostUser: config.pluginHostUser,
      hostMaxRssMb: config.pluginHostMaxRssMb,
      fetchAllowPrivate: config.pluginFetchAllowPrivate,
      legacyWorkers: config.pluginLegacyWorkers,
      isolateMemoryMb: config.pluginIsolateMemoryMb,
      // Each hub unpacks uploaded pilot packages here; the store holds the tarballs, so nothing here must be shared.
      packagesDir: join(config.dataDir, 'plugin-packages'),
    },
    graphiql: config.graphiql,
    corsOrigins: config.corsOrigins,
    introspection: config.introspection,
    features: {
      demoLogin: config.demo,
      signIn: { oidc: config.oidc ? { providerName: config.oidc.providerName } : null },
      site,
    },
    sessions: { idleMs: config.sessionIdleMinutes * 60_000, absoluteMs: config.sessionAbsoluteHours * 3_600_000 },
    rateLimit: config.rateLimitPerMinute > 0 ? { windowMs: 60_000, max: config.rateLimitPerMinute } : false,
    responseCache: config.responseCacheTtlMs > 0 ? { ttlMs: config.responseCacheTtlMs } : false,
    redis: config.redisUrl ? { url: config.redisUrl, prefix: config.redisPrefix } : undefined,
    trustedDocuments: loadTrustedDocuments(portalDir),
    publicUrl: config.publicUrl,
    mail: { webhookUrl: config.mailWebhookUrl },
    data: {
      importDir: config.importDir,
      secrets: config.secrets,
      secretAgencies: config.secretAgencies,
      allowedHosts: config.connectorHosts,
      maxUploadBytes: config.maxUploadMb * 1024 * 1024,
      sync: { leaseMs: config.syncLeaseMs },
    },
  });

  let seed: SeedResult | null = null;
  let data: DemoConnectionsResult | null = null;
  if (demoClock) {
    seed = await seedDemo(hub.services);
    // Data before challenges: some challenges link to the demo connections.
    data = await seedDemoConnections(hub.services, config.importDir);
    const challenges = await seedDemoChallenges(hub.services, demoClock, data.ids);
    // The challenge → pilot loop, up to the launch a platform admin makes (examples/partner-plugin, built by npm start).
    const pilot = await seedDemoPilot(hub.services, join(config.dataDir, 'demo-pilot'), demoClock);
    const grants = await seedDemoGrants(hub.services);
    logger.info(
      {
        organizations: seed.createdOrganizations,
        members: seed.createdMembers,
        challenges,
        grants,
        pilotPackage: pilot.tarball ?? 'examples/partner-plugin is not built: no pilot to launch',
        dataConnections: data.created,
        dataSyncs: data.synced,
        dataApprovals: data.approvals,
        consents: data.consents,
      },
      seed.keys.length ? 'seeded demo data' : 'demo data already present',
    );
    for (const failed of data.failed) logger.warn(failed, 'demo data sync did not succeed; the scheduler retries it');
  }

  const auth = createAuthRoutes(
    hub,
    logger,
    {
      oidc: config.oidc,
      demo: config.demo,
      cookieSecure: config.sessionCookieSecure,
      sessionMaxAgeSeconds: config.sessionAbsoluteHours * 3600,
    },
    provider,
  );
  let checkpoints: Awaited<ReturnType<typeof startCheckpoints>>;
  try {
    // After seeding, so the first checkpoint covers the demo data; before listening, so a bad key fails the start.
    checkpoints = await startCheckpoints(hub, logger, config);
  } catch (error) {
    await hub.close();
    throw error;
  }
  const http = createHttpServer(hub, logger, { publicUrl: config.publicUrl, portalDir, auth, hsts: config.hsts });
  try {
    await listen(http.server, config.port, config.host);
  } catch (error) {
    // Nothing listens, so nothing will call stop(): let go of the store here (its files, a MongoDB pool).
    await checkpoints.stop();
    await hub.close();
    throw error;
  }
  // Once listening, so a start that fails leaves no job running against a closed store.
  const scheduler = startScheduler(hub, logger, config.schedulerIntervalMs);
  const port = (http.server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/graphql`;
  logger.info(
    {
      url,
      store: store.engine,
      dataDir: store.engine === 'sqlite' ? config.dataDir : undefined,
      importDir: config.importDir,
      demo: config.demo,
      // Whether this hub shares events, rate limits and cached answers' freshness with others, and reaches Redis now.
      redis: config.redisUrl ? { prefix: config.redisPrefix, status: hub.redisStatus() } : 'not used',
    },
    'Maru hub listening',
  );
  // A production hub nobody can administer yet: say how to make its first admin.
  if (!config.demo && (await hub.services.members.countPlatformAdmins()) === 0)
    logger.warn(
      { command: 'maru-hub setup --email <address> --name <name>' },
      'no platform admin yet: run maru-hub setup with the same settings (docs/production.md, "First start")',
    );
  if (seed?.keys.length) (options.console ?? process.stderr).write(formatDemoKeys(seed.keys, url));
  if (data?.subjectKey) (options.console ?? process.stderr).write(formatDemoSubjectKey(data.subjectKey, url));

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info({ inFlight: http.inFlight() }, 'shutting down: finishing in-flight requests');
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      // Keep-alive connections turn idle as their last response ends; close them as they do.
      const sweeper = setInterval(() => http.server.closeIdleConnections(), 50);
      const timer = setTimeout(() => {
        logger.warn({ inFlight: http.inFlight() }, 'shutdown timeout: closing remaining connections');
        http.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      timer.unref();
      await closed;
      scheduler.stop();
      clearInterval(sweeper);
      clearTimeout(timer);
      // The last checkpoint covers every event the finished requests appended.
      await checkpoints.stop();
      // Retries are positions on the chain another hub instance took first: contention between instances.
      logger.info({ auditAppends: hub.services.audit.appendStats() }, 'audit trail appends since start');
      await hub.close();
      logger.info({}, 'store closed; bye');
    })());

  return { hub, logger, url, port, seed, portalDir, stop };
}
