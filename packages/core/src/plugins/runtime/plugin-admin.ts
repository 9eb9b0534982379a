/**
 * Administration by platform admins: enable, disable, install, uninstall,
 * capabilities and configuration. Each checks the viewer first; the registry
 * and the loader do the work.
 */
import type { Capability } from '@maru/sdk';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../../errors.js';
import { isPlatformAdmin, requireLiveKey, type Viewer } from '../../identity/index.js';
import type { ServiceCatalogue } from '../../catalogue/index.js';
import type { Collection } from '../../store/port.js';
import { manifestOf, type InstalledPlugin } from '../model.js';
import type { PluginConfig } from './plugin-loader.js';
import type { PluginRegistry } from './plugin-registry.js';

export interface PluginAdminDeps {
  registry: PluginRegistry;
  plugins: Collection<InstalledPlugin>;
  catalogue: Pick<ServiceCatalogue, 'removePluginServices'>;
  clock: () => number;
  deadlineMs: number;
  /** Loads a plugin: booted and registered (PluginHost.load). */
  load: (config: PluginConfig) => Promise<InstalledPlugin>;
  /** Told after each change made here, once it is stored (the other hubs of a deployment follow it). */
  changed: (name: string) => void;
}

function requirePlatformAdmin(viewer: Viewer | null, what: string): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated();
  if (!viewer.apiKey.scopes.includes('ADMIN') || !isPlatformAdmin(viewer))
    throw forbidden(`Only platform admins (with an ADMIN key) ${what}.`);
  requireLiveKey(viewer, what);
}

export class PluginAdmin {
  constructor(private readonly deps: PluginAdminDeps) {}

  private async requirePlugin(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    requirePlatformAdmin(viewer, 'manage plugins');
    const plugin = await this.deps.plugins.findOne({ _id: name });
    if (!plugin) throw notFound('plugin', name);
    return plugin;
  }

  /**
   * Stops a plugin: new calls are refused at once, calls in flight finish (up to the deadline), then its runner stops.
   */
  async disable(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    const plugin = await this.requirePlugin(viewer, name);
    if (plugin.status !== 'ENABLED')
      throw conflict(`The plugin is ${plugin.status}; only an ENABLED plugin can be disabled.`);
    await this.deps.registry.unload(name, this.deps.deadlineMs);
    return this.changed(await this.deps.plugins.findOneAndUpdate({ _id: name }, { $set: { status: 'DISABLED' } }));
  }

  /** Loads a DISABLED (or FAILED) plugin again from its entry, with the capabilities granted so far. */
  async enable(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    const plugin = await this.requirePlugin(viewer, name);
    if (plugin.status === 'ENABLED') throw conflict('The plugin is already ENABLED.');
    const record = await this.deps.load({ entry: plugin.entry, capabilities: plugin.grantedCapabilities });
    if (record.status !== 'ENABLED')
      throw badInput('name', `The plugin could not be enabled: ${record.problems.join('; ')}`);
    return this.changed(record);
  }

  /** Sets the plugin's configuration after the plugin checked it against its own schema; effective on the next call. */
  async setConfig(viewer: Viewer | null, name: string, config: unknown): Promise<InstalledPlugin> {
    await this.requirePlugin(viewer, name);
    const loaded = this.deps.registry.get(name);
    if (!loaded) throw conflict('Enable the plugin first: it checks its configuration itself.');
    const problems = await loaded.runner.checkConfig(config);
    if (problems.length)
      throw badInput('config', `\`config\` does not match the plugin's schema: ${problems.join('; ')}`);
    loaded.config = config;
    return this.changed(
      await this.deps.plugins.findOneAndUpdate({ _id: name }, { $set: { configJson: JSON.stringify(config) } }),
    );
  }

  /** Installs a plugin from an installed npm package at an exact version. */
  async install(
    viewer: Viewer | null,
    packageName: string,
    version: string,
    resolve: (name: string, version: string) => Promise<string>,
  ): Promise<InstalledPlugin> {
    requirePlatformAdmin(viewer, 'manage plugins');
    let entry: string;
    try {
      entry = await resolve(packageName, version);
    } catch (error) {
      throw badInput(
        'package',
        `\`package\` ${packageName}@${version} cannot be found on this hub: ${(error as Error).message}`,
      );
    }
    const record = await this.deps.load({ entry, expect: { name: packageName, version } });
    if (record.status !== 'ENABLED')
      throw badInput('package', `The plugin ${packageName}@${version} was refused: ${record.problems.join('; ')}`);
    return this.changed(record);
  }

  /** Stops a plugin and removes its services from the catalogue; its metering and audit history stay. */
  async uninstall(viewer: Viewer | null, name: string): Promise<InstalledPlugin> {
    const plugin = await this.requirePlugin(viewer, name);
    if (plugin.status === 'UNINSTALLED') throw conflict('The plugin is already uninstalled.');
    await this.deps.registry.unload(name, this.deps.deadlineMs);
    for (const key of await this.deps.catalogue.removePluginServices(name)) this.deps.registry.releaseService(key);
    return this.changed(await this.deps.plugins.findOneAndUpdate({ _id: name }, { $set: { status: 'UNINSTALLED' } }));
  }

  /** Grants or revokes capabilities the manifest asks for; takes effect on the next call. */
  async setCapabilities(viewer: Viewer | null, name: string, capabilities: string[]): Promise<InstalledPlugin> {
    const plugin = await this.requirePlugin(viewer, name);
    const requested = manifestOf(plugin)?.capabilities ?? [];
    const unknown = capabilities.find((c) => !requested.includes(c as Capability));
    if (unknown)
      throw badInput(
        'capabilities',
        `\`capabilities\`: the plugin does not ask for "${unknown}"; it asks for ${requested.join(', ') || 'nothing'}.`,
      );
    const granted = [...new Set(capabilities)] as Capability[];
    const loaded = this.deps.registry.get(name);
    if (loaded) loaded.granted = granted;
    return this.changed(
      await this.deps.plugins.findOneAndUpdate(
        { _id: name },
        { $set: { grantedCapabilities: granted, grantsDecidedAt: new Date(this.deps.clock()).toISOString() } },
      ),
    );
  }

  private changed(record: InstalledPlugin | null): InstalledPlugin {
    this.deps.changed(record!._id);
    return record!;
  }
}
