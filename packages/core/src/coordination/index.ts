/**
 * Coordination between the hubs of one deployment, through Redis: live events (yoga's Redis event target), rate
 * limits (one count per caller for all hubs), the response cache's freshness (per-collection generations), plugin
 * changes and identity changes (the viewer caches'). Optional: a single hub needs none of it, and gets the in-process
 * equivalents. Redis may be away at start or go away later; the hub keeps answering (see each part for what it does
 * meanwhile).
 */
import { randomUUID } from 'node:crypto';
import { RateLimiter, type RateLimitOptions } from '../graphql/rate-limiter.js';
import type { CacheFreshness } from '../http/response-cache.js';
import type { RequestRateLimit } from '../http/request-front.js';
import type { IdentityChangeFeed } from '../identity/index.js';
import type { HubLogger } from '../logger.js';
import type { TrackedStore } from '../store/write-tracking.js';
import { createCacheFreshness, createSharedGenerations, type SharedGenerations } from './cache-generations.js';
import { createIdentityChanges } from './identity-changes.js';
import { createPluginChanges, type PluginChanges, type ReconcilePlugins } from './plugin-changes.js';
import { connectRedis, type RedisLink } from './redis-link.js';
import { createSharedEventTarget, type HubEventTarget } from './shared-events.js';
import { SharedRateLimit } from './shared-rate-limit.js';

export type { HubEventTarget } from './shared-events.js';
export type { ReconcilePlugins } from './plugin-changes.js';

export interface RedisOptions {
  /** `redis://[:password@]host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /** Starts every key and channel this deployment uses, so several deployments can share one Redis. Default `maru`. */
  prefix?: string;
}

/** `ready`: connected; `unavailable`: configured but cannot be reached now. */
export type RedisStatus = 'ready' | 'unavailable';

export interface Coordination {
  /** What yoga's `createPubSub` publishes through; `undefined`: in this process only. */
  readonly eventTarget: HubEventTarget | undefined;
  /** The request front's rate limit stage. */
  rateLimit(options: RateLimitOptions): RequestRateLimit;
  /** Told after each write the hub makes (`trackWrites`' `afterWrite`). */
  afterWrite(collection: string): Promise<void> | void;
  /** The response cache's freshness, from the tracked store's generations and the plugin schema's. */
  cacheFreshness(tracked: TrackedStore, plugins: () => number): CacheFreshness;
  /** Announces this hub's plugin changes, and follows the others'; nothing happens without Redis. */
  announcePluginChange(name: string): void;
  followPluginChanges(reconcile: ReconcilePlugins): void;
  /** Identity changes between the hubs, for their viewer caches; `undefined`: one hub, nothing to hear. */
  readonly identityChanges: IdentityChangeFeed | undefined;
  /** Redis's state, or null without Redis. */
  redisStatus(): RedisStatus | null;
  close(): Promise<void>;
}

export function createCoordination(redis: RedisOptions | undefined, logger: HubLogger): Coordination {
  if (!redis) return singleHub();
  const prefix = redis.prefix ?? 'maru';
  // Tells this hub's own messages from the others' when Redis echoes them back.
  const origin = randomUUID();
  const link: RedisLink = connectRedis(redis.url, logger);
  const generations: SharedGenerations = createSharedGenerations({
    client: link.commands,
    ready: link.ready,
    key: `${prefix}:generations`,
    logger,
  });
  link.onReady(() => void generations.reconnected());
  const plugins: PluginChanges = createPluginChanges(link, prefix, origin, logger);
  return {
    eventTarget: createSharedEventTarget({
      commands: link.commands,
      subscriber: link.subscriber,
      prefix,
      origin,
      logger,
    }),
    rateLimit: (options) => new SharedRateLimit(link.commands, options, prefix),
    afterWrite: (collection) => generations.afterWrite(collection),
    cacheFreshness: (tracked, pluginGeneration) => createCacheFreshness(tracked, pluginGeneration, generations),
    announcePluginChange: (name) => plugins.announce(name),
    followPluginChanges: (reconcile) => plugins.follow(reconcile),
    identityChanges: createIdentityChanges(link, prefix, origin, logger),
    redisStatus: () => (link.ready() ? 'ready' : 'unavailable'),
    close: () => link.close(),
  };
}

/** One hub: events in this process, rate limits counted here, cached answers ended by this hub's writes. */
function singleHub(): Coordination {
  return {
    eventTarget: undefined,
    rateLimit: (options) => new RateLimiter(options),
    afterWrite: () => {},
    cacheFreshness: (tracked, plugins) => createCacheFreshness(tracked, plugins, null),
    announcePluginChange: () => {},
    followPluginChanges: () => {},
    identityChanges: undefined,
    redisStatus: () => null,
    close: async () => {},
  };
}
