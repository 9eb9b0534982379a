import type { IdentityChange, IdentityChangeFeed } from '../identity/index.js';
import type { HubLogger } from '../logger.js';
import type { RedisLink } from './redis-link.js';

interface Announcement extends IdentityChange {
  o: string;
}

const FIELDS = ['keyId', 'sessionId', 'memberId', 'organizationId'] as const;

/**
 * Identity changes (a key revoked, a member disabled or given other roles, a session ended...) announced on the
 * channel `<prefix>:identity`, so that every hub forgets the viewers it cached at once. Pub/sub keeps nothing: a hub
 * hears only while subscribed, so `hearing()` is true only then, and each (re)subscription tells the follower that
 * changes may have been missed.
 */
export function createIdentityChanges(
  link: RedisLink,
  prefix: string,
  origin: string,
  logger: HubLogger,
): IdentityChangeFeed {
  const channel = `${prefix}:identity`;
  let subscribed = false;
  let listener: ((change: IdentityChange | null) => void) | null = null;
  const lost = () => {
    if (!subscribed) return;
    subscribed = false;
    listener?.(null);
  };
  link.subscriber.on('close', lost);
  link.subscriber.on('message', (from: string, message: string) => {
    if (from !== channel || !listener) return;
    let announcement: Announcement;
    try {
      announcement = JSON.parse(message) as Announcement;
    } catch {
      return;
    }
    if (announcement.o === origin) return;
    const change: IdentityChange = {};
    for (const field of FIELDS) if (typeof announcement[field] === 'string') change[field] = announcement[field];
    listener(change);
  });
  // Hearing starts once the subscription is in Redis (ioredis subscribes again after a reconnection; this waits for
  // it); what was cached before may have missed changes meanwhile, so it is dropped then too.
  const subscribe = () =>
    link.subscriber.subscribe(channel).then(
      () => {
        subscribed = true;
        listener?.(null);
      },
      () => {},
    );
  link.onSubscribed(() => void subscribe());
  void subscribe();
  return {
    async announce(change) {
      await link.commands
        .publish(channel, JSON.stringify({ o: origin, ...change } satisfies Announcement))
        .catch((error: unknown) =>
          logger.warn(
            { change, err: error instanceof Error ? error.message : String(error) },
            "Redis cannot be reached: other hubs may serve this identity change's cached viewers until it expires (30 s)",
          ),
        );
    },
    follow(follower) {
      listener = follower;
    },
    hearing: () => subscribed && link.ready(),
  };
}
