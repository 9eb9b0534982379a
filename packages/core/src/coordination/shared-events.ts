import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import type { HubLogger } from '../logger.js';

/** The event target yoga's `createPubSub` publishes on and subscribes to (`{ eventTarget }`). */
export type HubEventTarget = EventTarget;

interface Envelope {
  /** The hub that published it: a hub delivers its own events itself, at once, and skips them when Redis echoes them. */
  o: string;
  d: unknown;
}

/**
 * An event target that delivers an event to this hub's subscribers at once and, through yoga's Redis event target,
 * to the other hubs of the deployment (channels `<prefix>:events:<topic>`). This hub's subscribers do not depend on
 * Redis: while it is away they still get this hub's events, and only other hubs' are missed.
 */
export function createSharedEventTarget(args: {
  commands: Redis;
  subscriber: Redis;
  prefix: string;
  origin: string;
  logger: HubLogger;
}): HubEventTarget {
  const { prefix, origin, logger } = args;
  const local = new EventTarget();
  const shared = createRedisEventTarget<CustomEvent>({
    // yoga's target does not await its PUBLISH; a refused one (Redis away) must not become an unhandled rejection.
    publishClient: {
      publish: (channel: string, message: string) =>
        args.commands.publish(channel, message).catch((error: Error) => {
          logger.debug({ channel, err: error.message }, 'an event was not shared: Redis cannot be reached');
          return 0;
        }),
    } as unknown as Redis,
    // Nor its SUBSCRIBE and UNSUBSCRIBE: they wait while Redis is away, and are refused when the hub closes first.
    subscribeClient: {
      on: (event: 'message', listener: (channel: string, message: string) => void) =>
        args.subscriber.on(event, listener),
      subscribe: (channel: string) => args.subscriber.subscribe(channel).catch(() => 0),
      unsubscribe: (channel: string) => args.subscriber.unsubscribe(channel).catch(() => 0),
    } as unknown as Redis,
  });
  const channel = (topic: string) => `${prefix}:events:${topic}`;
  // One Redis callback per local listener, so removing the listener removes its subscription.
  const fromRedis = new Map<EventListenerOrEventListenerObject, Map<string, (event: Event) => void>>();

  return {
    addEventListener(topic: string, listener: EventListenerOrEventListenerObject | null) {
      if (!listener) return;
      local.addEventListener(topic, listener);
      const byTopic = fromRedis.get(listener) ?? new Map<string, (event: Event) => void>();
      fromRedis.set(listener, byTopic);
      if (byTopic.has(topic)) return;
      const remote = (event: Event) => {
        const envelope = (event as CustomEvent<Envelope | null>).detail;
        if (!envelope || envelope.o === origin) return;
        const delivered = new CustomEvent(topic, { detail: envelope.d });
        if (typeof listener === 'function') listener(delivered);
        else listener.handleEvent(delivered);
      };
      byTopic.set(topic, remote);
      shared.addEventListener(channel(topic), remote);
    },
    removeEventListener(topic: string, listener: EventListenerOrEventListenerObject | null) {
      if (!listener) return;
      local.removeEventListener(topic, listener);
      const byTopic = fromRedis.get(listener);
      const remote = byTopic?.get(topic);
      if (!remote) return;
      byTopic!.delete(topic);
      if (byTopic!.size === 0) fromRedis.delete(listener);
      shared.removeEventListener(channel(topic), remote);
    },
    dispatchEvent(event: Event) {
      const detail = (event as CustomEvent).detail as unknown;
      local.dispatchEvent(new CustomEvent(event.type, { detail }));
      shared.dispatchEvent(
        new CustomEvent(channel(event.type), { detail: { o: origin, d: detail } satisfies Envelope }),
      );
      return true;
    },
  };
}
