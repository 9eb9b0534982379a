/**
 * Brings the plugins this hub runs in line with the store, after another hub of the deployment changed them (an
 * admin enabled, disabled, installed, uninstalled or reconfigured one there). The store is the truth; the message
 * that triggers this only names the plugin.
 */
import type { HubLogger } from '../../logger.js';
import type { Collection } from '../../store/port.js';
import { configOf, manifestOf, type InstalledPlugin } from '../model.js';
import type { PluginConfig } from './plugin-loader.js';
import type { PluginRegistry } from './plugin-registry.js';

export interface ReconcileDeps {
  registry: PluginRegistry;
  plugins: Collection<InstalledPlugin>;
  /** Loads a plugin: booted and registered (PluginHost.load). */
  load: (config: PluginConfig) => Promise<InstalledPlugin>;
  deadlineMs: number;
  logger: HubLogger;
}

/**
 * One plugin (or every one, `null`): ENABLED in the store and not running here → loaded from its entry (as the same
 * package and version, so a package this hub cannot load records nothing); DISABLED or UNINSTALLED there and running
 * here → unloaded; running and ENABLED → the stored configuration and grants. A FAILED record is another hub's
 * trouble loading it, not an admin's decision: it changes nothing here.
 */
export async function reconcilePlugins(deps: ReconcileDeps, name: string | null): Promise<void> {
  const records = name
    ? [await deps.plugins.findOne({ _id: name })].filter((r): r is InstalledPlugin => r !== null)
    : await deps.plugins.find({}, { sort: [['_id', 1]], limit: 500 });
  for (const record of records) {
    const loaded = deps.registry.get(record._id);
    if (record.status === 'ENABLED' && !loaded) {
      const result = await deps.load({
        entry: record.entry,
        capabilities: record.grantedCapabilities,
        expect: { name: record._id, version: record.version },
      });
      if (result.status === 'ENABLED') deps.logger.info({ plugin: record._id }, 'plugin enabled on another hub');
      else
        deps.logger.error(
          { plugin: record._id, problems: result.problems },
          'another hub enabled a plugin this hub cannot load',
        );
    } else if (record.status === 'ENABLED' && loaded) {
      loaded.granted = record.grantedCapabilities;
      loaded.config = configOf(record);
    } else if ((record.status === 'DISABLED' || record.status === 'UNINSTALLED') && loaded) {
      await deps.registry.unload(record._id, deps.deadlineMs);
      if (record.status === 'UNINSTALLED')
        for (const service of manifestOf(record)?.services ?? loaded.manifest.services ?? [])
          deps.registry.releaseService(service.key);
      deps.logger.info({ plugin: record._id, status: record.status }, 'plugin taken out of service on another hub');
    }
  }
}
