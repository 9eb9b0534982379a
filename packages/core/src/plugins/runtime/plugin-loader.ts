/**
 * Loading and verifying: what a package is (plugin-package.ts), whether its
 * links and signature allow it, which engine runs it — an isolate of the
 * shared isolate host for API 2, a fenced host of its own for a legacy API-1
 * plugin (only when the operator allows them) — and starting it. Nothing of
 * the package runs before these checks.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginManifest } from '@maru/sdk';
import type { HubLogger } from '../../logger.js';
import type { Collection } from '../../store/port.js';
import { FencedRunner } from '../fence/fenced-runner.js';
import { linkOutside } from '../fence/package-links.js';
import { PluginFence } from '../fence/plugin-fence.js';
import { isolatedVmBinary } from '../isolate/isolated-vm-binary.js';
import type { PublisherKey } from '../model.js';
import { readPluginPackage } from '../plugin-package.js';
import { PluginRunner, type PluginRunnerOptions } from '../plugin-runner.js';
import { packageDirOf, verifyPackage } from '../signature.js';
import type { PluginHostOptions } from './plugin-options.js';

/**
 * A plugin's runner: an isolate in the isolate host, a fenced host of its own (legacy), or (unconfined, legacy) a
 * worker thread of the hub.
 */
export type Runner = PluginRunner | FencedRunner;

/** What a started configuration is, before the hub registers it. */
export interface PluginConfig {
  /** Path (or `file:` URL) of the plugin's bundle (API 2) or built module (API 1). */
  entry: string;
  /** Capabilities the operator grants; only those the manifest asks for take effect. */
  capabilities?: import('@maru/sdk').Capability[];
  /** Refuse, without recording anything, unless the package is this name and version. */
  expect?: { name: string; version: string };
}

/** A plugin whose runner started (or did not), before the hub registers it. */
export interface Booted {
  runner: Runner;
  manifest: PluginManifest | null;
  /** Package, signature or start problems; the start's error message when it failed. */
  problems: string[];
  check: ReturnType<typeof verifyPackage>;
  keys: Map<string, { publicKey: string; publisher: string }>;
  /** The plugin API the package is built for: 2 (a bundle in an isolate), 1 (legacy worker), null when unreadable. */
  api: 1 | 2 | null;
}

export class PluginLoader {
  private isolates: PluginFence | null = null;

  constructor(
    private readonly publisherKeys: Collection<PublisherKey>,
    private readonly options: PluginHostOptions,
    private readonly logger: HubLogger,
  ) {}

  /**
   * Checks the package and starts its runner with `ports` (the hub's side of its ctx); never throws (problems are
   * listed).
   */
  async boot(
    config: PluginConfig,
    ports: Omit<PluginRunnerOptions, 'entry'>,
    onStarted: (name: string) => void,
  ): Promise<Booted> {
    const runnerOptions: PluginRunnerOptions = { entry: config.entry, maxHeapMb: this.options.maxHeapMb, ...ports };
    const problems: string[] = [];
    let pkg: ReturnType<typeof readPluginPackage>;
    try {
      pkg = readPluginPackage(packageDirOf(config.entry), config.entry);
    } catch (error) {
      // A file gone between listing and reading: the package is changing under the hub.
      pkg = {
        api: null,
        problem:
          `package: it could not be read ` +
          `(${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); ` +
          `it changed while it was loaded, try again`,
      };
    }
    let runner: Runner;
    if (pkg.api === 2) {
      const host = this.isolateHost();
      if (typeof host === 'string') problems.push(host);
      runner =
        typeof host === 'string'
          ? new PluginRunner(runnerOptions)
          : new FencedRunner(host, runnerOptions, {
              bundle: pkg.bundle,
              assets: pkg.assets,
              memoryMb: this.options.isolateMemoryMb ?? 64,
            });
    } else {
      if (pkg.api === null) problems.push(pkg.problem);
      else if (!this.options.legacyWorkers) {
        problems.push(
          'compatibility: this is a plugin of API 1 (a worker-thread module); this hub runs API-2 ' +
            'bundles in isolates and loads API-1 plugins only when its operator sets MARU_PLUGIN_LEGACY_WORKERS=1. ' +
            'Rebuild it with maru build against @maru/sdk 0.2 and compatibility "^2.0.0"',
        );
      }
      const fenced = problems.length ? null : this.fenceFor(config);
      if (typeof fenced === 'string') problems.push(fenced);
      runner =
        fenced && typeof fenced !== 'string'
          ? new FencedRunner(fenced, runnerOptions)
          : new PluginRunner(runnerOptions);
    }
    const keys = new Map(
      (await this.publisherKeys.find({}, { limit: 1000 })).map(
        (k) => [k._id, { publicKey: k.publicKey, publisher: k.publisher }] as const,
      ),
    );
    const check = verifyPackage(packageDirOf(config.entry), keys);
    let manifest: PluginManifest | null = null;
    if (!problems.length && !check.ok && !this.options.allowUnsigned) problems.push(`signature: ${check.reason}`);
    // The bytes that will run are the ones read above; the signature covered what was on disk a moment later. They must
    // be the same.
    if (!problems.length && check.ok && pkg.api === 2) {
      const changed = Object.entries(pkg.read).find(([path, hash]) => check.files.get(path) !== hash);
      if (changed)
        problems.push(
          `signature: ${changed[0]} changed while the package was ` +
            `loaded (what was read is not what is signed); try again`,
        );
    }
    if (!problems.length) {
      try {
        manifest = await runner.start();
        onStarted(manifest.name);
        if (pkg.api === 2 && canonicalJson(manifest) !== canonicalJson(pkg.manifest)) {
          problems.push(
            "package: the manifest in maru-plugin.json is not the bundle's own (the " +
              'signed description would not match what runs); run maru build again',
          );
        }
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    return { runner, manifest, problems, check, keys, api: pkg.api };
  }

  async stop(): Promise<void> {
    await this.isolates?.close();
    this.isolates = null;
  }

  /**
   * The plugin host shared by every API-2 plugin, started at the first call: isolates only, no
   * plugin files (the hub hands it bundles and assets), no workers; or why there can be none.
   */
  private isolateHost(): PluginFence | string {
    if (this.isolates) return this.isolates;
    const binary = isolatedVmBinary();
    if (!binary)
      return (
        `engine: isolated-vm has no binary for Node ${process.version} on ${process.platform}-${process.arch} ` +
        `here; reinstall the hub's dependencies on a supported platform (docs/security/plugin-sandbox.md)`
      );
    this.isolates = new PluginFence({
      readFolders: [],
      isolates: { binary },
      maxRssMb: this.options.hostMaxRssMb,
      user: this.options.hostUser,
      log: (level, message, fields) => this.logger[level]({ pluginHost: 'isolates', ...fields }, message),
    });
    return this.isolates;
  }

  /**
   * A legacy plugin's host of its own, able to read the plugin's package and the node_modules
   * folders Node resolves its imports from (@maru/sdk and zod as the core finds them); null when
   * plugins run unconfined, or the reason when the package may not be read at all.
   */
  private fenceFor(config: PluginConfig): PluginFence | string | null {
    if (this.options.isolation === 'unconfined') return null;
    const packageDir = packageDirOf(config.entry);
    const folders = [...moduleFolders(packageDir), ...SDK_FOLDERS];
    // Before the host may read the package: the permission model follows links, so one out of it would lead anywhere.
    const link = linkOutside(packageDir, folders);
    if (link)
      return (
        `package: ${link.link} is a symbolic link to ${link.target}, outside the package ` +
        `and the modules it may read; a plugin package holds no links out of itself`
      );
    return new PluginFence({
      readFolders: folders,
      maxRssMb: this.options.hostMaxRssMb,
      user: this.options.hostUser,
      log: (level, message, fields) => this.logger[level]({ pluginHost: config.entry, ...fields }, message),
    });
  }
}

/** JSON with object keys sorted: two manifests compare equal when they say the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A package folder and the node_modules folders above it, where Node resolves its imports. */
function moduleFolders(packageDir: string): string[] {
  const folders = [packageDir];
  for (let dir = packageDir; dirname(dir) !== dir; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    if (existsSync(modules)) folders.push(modules);
  }
  return folders;
}

/** The SDK and zod as a legacy worker (and every legacy plugin) imports them. */
const SDK_FOLDERS = ['@maru/sdk', 'zod'].flatMap((name) => {
  try {
    return moduleFolders(packageDirOf(fileURLToPath(import.meta.resolve(name))));
  } catch {
    return [];
  }
});
