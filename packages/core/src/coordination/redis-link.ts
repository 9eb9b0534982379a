import { Redis } from 'ioredis';
import type { HubLogger } from '../logger.js';

/** The hub's two connections to Redis and what is known of their state. */
export interface RedisLink {
  /**
   * Commands (rate limits, generations, publishing). Fails fast while Redis is away — no offline queue, a short
   * command timeout — so a request never waits on a Redis that is not there.
   */
  readonly commands: Redis;
  /** Subscriptions (a connection in subscriber mode can do nothing else); ioredis subscribes again after a reconnect. */
  readonly subscriber: Redis;
  /** Whether commands can be sent now. */
  ready(): boolean;
  /** Called each time commands can be sent again after they could not (and at the first connection). */
  onReady(listener: () => void): void;
  /** Called each time the subscriber connection is (again) subscribed: messages sent before may have been missed. */
  onSubscribed(listener: () => void): void;
  /** Quits both connections (or drops them when Redis is away). */
  close(): Promise<void>;
}

/** A command that takes longer is taken for a Redis that is away (the request goes on without it). */
const COMMAND_TIMEOUT_MS = 500;
/** Reconnection waits 100 ms more at each attempt, up to 2 s: a restarted Redis is found again within seconds. */
const retryStrategy = (times: number) => Math.min(times * 100, 2_000);

/**
 * Connects to Redis without waiting for it: a hub starts, and keeps answering, while Redis is away. Connection errors
 * are handled (ioredis would otherwise print each one) and logged once per change of state, not once per retry.
 */
export function connectRedis(url: string, logger: HubLogger): RedisLink {
  const commands = new Redis(url, {
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy,
  });
  // Subscribing waits for the connection (the offline queue stays on): a subscription made while Redis is away
  // takes effect when it comes back.
  const subscriber = new Redis(url, { maxRetriesPerRequest: null, connectTimeout: 2_000, retryStrategy });
  const readyListeners: Array<() => void> = [];
  const subscribedListeners: Array<() => void> = [];
  let up: boolean | null = null;
  let lastError: string | null = null;
  const where = redactedUrl(url);

  const wentDown = () => {
    if (up === false) return;
    const first = up === null;
    up = false;
    logger.warn(
      { redis: where, reason: lastError ?? 'connection closed' },
      first
        ? 'Redis cannot be reached; the hub serves without it (no shared cache, rate limits per hub) and keeps trying'
        : 'Redis connection lost; the hub serves without it (no shared cache, rate limits per hub) and keeps trying',
    );
  };
  commands.on('error', (error: Error) => {
    lastError = error.message;
    logger.debug({ redis: where, err: error.message }, 'Redis connection error');
  });
  commands.on('close', wentDown);
  commands.on('ready', () => {
    up = true;
    lastError = null;
    logger.info({ redis: where }, 'Redis connected: live events, rate limits and cached answers are shared');
    for (const listener of readyListeners) listener();
  });
  subscriber.on('error', (error: Error) =>
    logger.debug({ redis: where, err: error.message }, 'Redis subscriber connection error'),
  );
  subscriber.on('ready', () => {
    for (const listener of subscribedListeners) listener();
  });

  const quit = async (client: Redis) => {
    if (client.status !== 'ready') return client.disconnect();
    await Promise.race([client.quit(), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]).catch(() => {});
    client.disconnect();
  };

  return {
    commands,
    subscriber,
    ready: () => commands.status === 'ready',
    onReady: (listener) => readyListeners.push(listener),
    onSubscribed: (listener) => subscribedListeners.push(listener),
    async close() {
      readyListeners.length = 0;
      subscribedListeners.length = 0;
      commands.removeAllListeners('close');
      await Promise.all([quit(commands), quit(subscriber)]);
    },
  };
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'redis://(unparsable)';
  }
}
