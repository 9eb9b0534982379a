import type { HubLogger } from '../logger.js';
import type { RedisLink } from './redis-link.js';

/**
 * What the plugin runtime offers the other hubs (the plugins module's `PluginHost`): bring one plugin, or all of
 * them (`null`), in line with what the store says — loaded if ENABLED there, unloaded if DISABLED or UNINSTALLED,
 * with the stored configuration and grants.
 */
export type ReconcilePlugins = (name: string | null) => Promise<void>;

export interface PluginChanges {
  /** Tells the other hubs that a plugin was enabled, disabled, installed, uninstalled or reconfigured here. */
  announce(name: string): void;
  /**
   * From now on, runs `reconcile` for each change another hub announces, and for every plugin each time the
   * subscription is made (again: announcements sent while Redis was away were missed). Call it once the hub's own
   * plugins are loaded.
   */
  follow(reconcile: ReconcilePlugins): void;
}

interface Announcement {
  o: string;
  plugin: string;
}

/** Plugin changes announced on the channel `<prefix>:plugins` (pub/sub: a hub that is away misses them, see follow). */
export function createPluginChanges(link: RedisLink, prefix: string, origin: string, logger: HubLogger): PluginChanges {
  const channel = `${prefix}:plugins`;
  return {
    announce(name) {
      link.commands
        .publish(channel, JSON.stringify({ o: origin, plugin: name } satisfies Announcement))
        .catch(() =>
          logger.warn(
            { plugin: name },
            'Redis cannot be reached: the other hubs learn of this plugin change when their connection comes back',
          ),
        );
    },
    follow(reconcile) {
      const run = (name: string | null) =>
        reconcile(name).catch((error: unknown) =>
          logger.error({ err: error, plugin: name }, 'could not bring a plugin in line with another hub'),
        );
      link.subscriber.on('message', (from: string, message: string) => {
        if (from !== channel) return;
        let announcement: Announcement;
        try {
          announcement = JSON.parse(message) as Announcement;
        } catch {
          return;
        }
        if (announcement.o !== origin && typeof announcement.plugin === 'string') void run(announcement.plugin);
      });
      link.onSubscribed(() => void run(null));
      link.subscriber.subscribe(channel).catch(() => {});
    },
  };
}
