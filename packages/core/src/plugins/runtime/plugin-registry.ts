/**
 * The registry of loaded plugins: which runner serves which plugin, with the
 * capabilities granted and the configuration set; which plugin owns which
 * service key; and the records of both in the store. Registering checks what
 * only the hub can (a key's publisher, the expected package, the manifest,
 * compatibility, names and service keys taken) before anything is recorded.
 */
import {
  isCompatible,
  LEGACY_PLUGIN_API_VERSION,
  PLUGIN_API_VERSION,
  validateManifest,
  type Capability,
  type PluginManifest,
} from '@maru/sdk';
import type { ServiceCatalogue } from '../../catalogue/index.js';
import type { HubLogger } from '../../logger.js';
import type { Collection } from '../../store/port.js';
import { configOf, type InstalledPlugin } from '../model.js';
import type { Booted, PluginConfig, Runner } from './plugin-loader.js';

export interface Loaded {
  runner: Runner;
  manifest: PluginManifest;
  granted: Capability[];
  config: unknown;
}

export class PluginRegistry {
  private readonly loaded = new Map<string, Loaded>();
  private readonly byService = new Map<string, string>();
  /** Bumped whenever the set of enabled plugins changes, so the typed schema is rebuilt. */
  generation = 0;

  constructor(
    private readonly plugins: Collection<InstalledPlugin>,
    private readonly catalogue: Pick<ServiceCatalogue, 'ownerOf' | 'registerPluginServices'>,
    private readonly logger: HubLogger,
    private readonly clock: () => number,
  ) {}

  get(name: string): Loaded | undefined {
    return this.loaded.get(name);
  }

  all(): Loaded[] {
    return [...this.loaded.values()];
  }

  /** Records a booted plugin: ENABLED and serving, or FAILED with its problems (its runner stopped). */
  async register(config: PluginConfig, booted: Booted): Promise<InstalledPlugin> {
    const { runner, manifest, problems, check, keys, api } = booted;
    const now = new Date(this.clock()).toISOString();
    try {
      if (!manifest) throw new Error('not started');
      // A key speaks for one publisher: a package signed with it cannot claim another.
      if (check.ok && keys.get(check.keyId)!.publisher !== manifest.publisher) {
        problems.push(
          `publisher: the package says "${manifest.publisher}" but is ` +
            `signed with the key of "${keys.get(check.keyId)!.publisher}"`,
        );
      }
      if (config.expect && (manifest.name !== config.expect.name || manifest.version !== config.expect.version)) {
        problems.push(
          `name: the package found is ${manifest.name}@${manifest.version}, ` +
            `not the expected ${config.expect.name}@${config.expect.version}`,
        );
      }
      problems.push(...validateManifest(manifest).map((p) => `${p.path}: ${p.message}`));
      if (api === 2 && !isCompatible(manifest.compatibility))
        problems.push(
          `compatibility: "${manifest.compatibility}" does not accept this hub's ` +
            `plugin API ${PLUGIN_API_VERSION}; rebuild against a compatible @maru/sdk`,
        );
      if (api === 1 && !isCompatible(manifest.compatibility, LEGACY_PLUGIN_API_VERSION)) {
        problems.push(
          `compatibility: "${manifest.compatibility}" is not plugin API 1, but the ` +
            `package is not a bundle; build it with maru build (it writes maru-plugin.json)`,
        );
      }
      if (this.loaded.has(manifest.name)) problems.push(`name: a plugin named "${manifest.name}" is already loaded`);
      for (const [i, service] of (manifest.services ?? []).entries()) {
        const owner = this.byService.get(service.key) ?? (await this.catalogue.ownerOf(service.key));
        if (owner && owner !== manifest.name)
          problems.push(`services.${i}.key: the service key "${service.key}" belongs to ${owner}; choose another key`);
      }
    } catch (error) {
      if (!problems.length) problems.push(error instanceof Error ? error.message : String(error));
    }
    const name = manifest?.name ?? config.entry;
    const previous = await this.plugins.findOne({ _id: name });
    // Once an admin decided on capabilities, that decision wins over the configuration.
    const wanted = previous?.grantsDecidedAt ? previous.grantedCapabilities : (config.capabilities ?? []);
    const granted = wanted.filter((c) => manifest?.capabilities?.includes(c));
    if (manifest && !problems.length && previous && configOf(previous) !== undefined) {
      const configProblems = await runner.checkConfig(configOf(previous)).catch((error: Error) => [error.message]);
      problems.push(...configProblems.map((p) => `config: ${p}`));
    }
    const record: InstalledPlugin = {
      _id: name,
      version: manifest?.version ?? '',
      publisher: manifest?.publisher ?? '',
      entry: config.entry,
      status: problems.length ? 'FAILED' : 'ENABLED',
      problems,
      manifestJson: manifest ? JSON.stringify(manifest) : null,
      grantedCapabilities: granted,
      grantsDecidedAt: previous?.grantsDecidedAt ?? null,
      configJson: previous?.configJson ?? null,
      signedBy: check.ok ? check.keyId : null,
      isolation: api === 1 ? 'UNCONFINED' : 'ISOLATE',
      loadedAt: now,
    };
    if (problems.length) {
      await runner.stop();
      this.logger.error({ plugin: name, problems }, 'plugin refused');
      // A refused duplicate must not overwrite the record of the plugin already running.
      // Nor is anything recorded for a package that is not the one expected (pilot launches, installs).
      if (!this.loaded.has(name) && !config.expect)
        await this.plugins.findOneAndUpdate({ _id: name }, { $set: withoutId(record) }, { upsert: true });
      return record;
    }
    await this.plugins.findOneAndUpdate({ _id: name }, { $set: withoutId(record) }, { upsert: true });
    // A new service starts in PILOT; an operator's later decision (ACTIVE, SUSPENDED…) survives restarts.
    await this.catalogue.registerPluginServices(name, manifest!.services ?? []);
    for (const service of manifest!.services ?? []) this.byService.set(service.key, name);
    this.loaded.set(name, { runner, manifest: manifest!, granted, config: previous ? configOf(previous) : undefined });
    this.generation++;
    this.logger.info(
      {
        plugin: name,
        version: record.version,
        isolation: record.isolation,
        services: (manifest!.services ?? []).map((s) => s.key),
      },
      'plugin enabled',
    );
    return record;
  }

  /**
   * Takes a plugin out of service: new calls are refused at once, calls in flight finish (up to `drainMs`), its runner
   * stops.
   */
  async unload(name: string, drainMs: number): Promise<void> {
    const loaded = this.loaded.get(name);
    this.loaded.delete(name);
    this.generation++;
    if (loaded) {
      await loaded.runner.drain(drainMs);
      await loaded.runner.stop();
    }
  }

  /** Forgets which plugin owned a service key (the service was removed). */
  releaseService(key: string): void {
    this.byService.delete(key);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.loaded.values()].map((l) => l.runner.stop()));
    this.loaded.clear();
  }
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  return rest;
}
