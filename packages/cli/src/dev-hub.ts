import { createServices, SIGNATURE_FILE } from '@maru/core';
import {
  createLogger,
  loadConfig,
  openStore,
  startHub,
  type HubConfig,
  type LogLevel,
  type RunningHub,
} from '@maru/hub';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CliIo } from './cli-io.js';
import { inspectPlugin, type Inspection } from './inspect-plugin.js';
import { grantDeveloperAccess, seedDevelopers, type DeveloperKeys } from './seed-developers.js';
import { hubStageDir } from './stage-package.js';

export interface DevHubOptions {
  /** Plugin folders to load. */
  plugins: string[];
  port?: number;
  host?: string;
  dataDir?: string;
  demo: boolean;
  logLevel: LogLevel;
  /** `maru dev`: load plugins unsigned without asking (they change with every build). */
  development: boolean;
}

/** One plugin folder as the local hub holds it. */
export interface DevPlugin {
  dir: string;
  inspection: Inspection;
  /** The package name it was loaded under, to unload it on reload. */
  loadedAs: string | null;
}

export interface DevHub {
  running: RunningHub;
  keys: DeveloperKeys;
  /** Where the keys of this run are written (`.maru-data/dev-keys.json`), for scripts. */
  keyFile: string;
  plugins: DevPlugin[];
  /** Checks a plugin folder again and swaps the running plugin for it; returns the problems, if any. */
  reload(plugin: DevPlugin): Promise<string[]>;
  stop(): Promise<void>;
}

/** Problems that stop a plugin from loading here; a bad signature does not, on a development hub. */
const blocking = (inspection: Inspection, development: boolean) =>
  inspection.problems.filter((p) => !(development && p.startsWith(`${SIGNATURE_FILE}:`)));

const entryOf = (inspection: Inspection) => join(inspection.stageDir!, inspection.plugin!.entryPath);

/**
 * Starts `@maru/hub` for plugin development: the plugins' staged packages
 * (what npm would publish) loaded with every capability they ask for, local
 * publisher keys registered before they load, a local company and platform
 * admin seeded with fresh keys, and the company granted the plugins'
 * services. Settings not given come from the environment, as for maru-hub.
 */
export async function startDevHub(
  options: DevHubOptions,
  io: CliIo,
): Promise<{ hub: DevHub | null; problems: string[] }> {
  const plugins: DevPlugin[] = [];
  const problems: string[] = [];
  for (const dir of options.plugins) {
    const inspection = await inspectPlugin(dir, { env: io.env, stageDir: hubStageDir(dir) });
    const where = relative(io.cwd, dir) || '.';
    const found = blocking(inspection, options.development).map((p) => `${where === '.' ? '' : `${where}/`}${p}`);
    problems.push(...found);
    plugins.push({ dir, inspection, loadedAs: null });
  }
  // `maru hub` refuses to start with a broken plugin; `maru dev` starts and waits for the fix.
  if (problems.length && !options.development) return { hub: null, problems };

  const config: HubConfig = {
    ...loadConfig(io.env, [], io.cwd),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host ? { host: options.host } : {}),
    ...(options.dataDir
      ? { dataDir: resolve(io.cwd, options.dataDir), importDir: resolve(io.cwd, options.dataDir, 'imports') }
      : {}),
    demo: options.demo,
    logLevel: options.logLevel,
  };
  const loadable = plugins.filter(
    (p) => p.inspection.plugin && blocking(p.inspection, options.development).length === 0,
  );
  const trusted = loadable.filter((p) => p.inspection.signature.state === 'valid' && p.inspection.signature.local);
  config.allowUnsignedPlugins = options.development || trusted.length < loadable.length;
  // A plugin in development talks to fixtures on the developer's own machine; a production hub does not allow that by default.
  if (io.env.MARU_PLUGIN_FETCH_PRIVATE === undefined) config.pluginFetchAllowPrivate = true;
  config.plugins = loadable.map((p) => ({
    package: entryOf(p.inspection),
    capabilities: p.inspection.plugin!.manifest.capabilities ?? [],
  }));
  await registerKeys(config, trusted);

  const running = await startHub(config, {
    logger: createLogger(config.logLevel, io.stderr as NodeJS.WritableStream),
    console: io.stdout as NodeJS.WritableStream,
  });
  const services = running.hub.services;
  const keys = await seedDevelopers(services);
  for (const plugin of loadable) plugin.loadedAs = plugin.inspection.plugin!.manifest.name;
  await grantDeveloperAccess(
    services,
    keys,
    (await services.catalogue.list({ limit: 1000 })).items.map((item) => item.doc._id),
  );
  mkdirSync(config.dataDir, { recursive: true });
  const keyFile = join(config.dataDir, 'dev-keys.json');
  writeFileSync(
    keyFile,
    `${JSON.stringify({ url: running.url, company: keys.company, admin: keys.admin }, null, 2)}\n`,
    { mode: 0o600 },
  );
  chmodSync(keyFile, 0o600);

  const hub: DevHub = {
    running,
    keys,
    keyFile,
    plugins,
    async reload(plugin) {
      const inspection = await inspectPlugin(plugin.dir, { env: io.env, stageDir: hubStageDir(plugin.dir) });
      const found = blocking(inspection, options.development);
      if (found.length) return found;
      const admin = await services.apiKeys.authenticate(keys.admin);
      const record = plugin.loadedAs ? await services.plugins.byName(plugin.loadedAs) : null;
      if (record && record.status !== 'UNINSTALLED') await services.plugins.uninstall(admin, record._id);
      const manifest = inspection.plugin!.manifest;
      const loaded = await services.plugins.load({
        entry: entryOf(inspection),
        capabilities: manifest.capabilities ?? [],
      });
      plugin.inspection = inspection;
      plugin.loadedAs = manifest.name;
      if (loaded.status !== 'ENABLED') return loaded.problems.map((p) => `the hub refused ${manifest.name}: ${p}`);
      await grantDeveloperAccess(
        services,
        keys,
        (manifest.services ?? []).map((s) => s.key),
      );
      return [];
    },
    stop: () => running.stop(),
  };
  return { hub, problems };
}

/** Trusts the local signing keys before plugins load, as a platform admin's `registerPublisherKey` would. */
async function registerKeys(config: HubConfig, trusted: DevPlugin[]): Promise<void> {
  if (!trusted.length) return;
  const store = await openStore(config);
  try {
    // The hub's services on the store, without serving or loading plugins: the plugins module trusts the keys.
    const { plugins } = await createServices(store);
    try {
      for (const { inspection } of trusted) {
        const { key, plugin } = inspection;
        await plugins.trustPublisherKey({
          _id: key!.keyId,
          publisher: plugin!.manifest.publisher,
          publicKey: key!.publicKeyPem,
          registeredById: 'maru-cli',
        });
      }
    } finally {
      await plugins.stop();
    }
  } finally {
    await store.close();
  }
}

/** The lines `maru hub` prints once it listens. */
export async function describeDevHub(hub: DevHub, io: CliIo): Promise<string> {
  const { running, keys } = hub;
  const lines = [`Maru hub for plugin development: ${running.url}  (GraphiQL in a browser)`];
  for (const plugin of hub.plugins) {
    const manifest = plugin.inspection.plugin?.manifest;
    const record = plugin.loadedAs ? await running.hub.services.plugins.byName(plugin.loadedAs) : null;
    const where = relative(io.cwd, plugin.dir) || '.';
    if (!manifest || !record) {
      lines.push(`  ✗ ${where}: not loaded — fix the problems above`);
      continue;
    }
    if (record.status !== 'ENABLED') {
      lines.push(
        `  ✗ ${manifest.name} ${manifest.version}: ${record.status}`,
        ...record.problems.map((p) => `      ${p}`),
      );
      continue;
    }
    const trust = record.signedBy
      ? `signed with ${record.signedBy} (registered on this hub)`
      : 'UNSIGNED — allowed on this local hub only; run maru sign';
    lines.push(`  ✓ ${manifest.name} ${manifest.version} from ${where}: ${trust}`);
    lines.push(
      `    granted: ${record.grantedCapabilities.join(', ') || 'nothing (it asks for nothing)'}; services: ${(manifest.services ?? []).map((s) => s.key).join(', ') || 'none'}`,
    );
  }
  const firstService = hub.plugins.flatMap((p) => p.inspection.plugin?.manifest.services ?? [])[0]?.key;
  const query = firstService
    ? `{ service(key: \\"${firstService}\\") { name status operations { name kind } } }`
    : '{ viewer { name organization { name } } }';
  lines.push(
    `API keys for this run (also in ${relative(io.cwd, hub.keyFile)}):`,
    `  company  developer@maru.localhost  COMPANY_ADMIN, granted the plugins' services  ${keys.company}`,
    `  admin    admin@maru.localhost      PLATFORM_ADMIN                                ${keys.admin}`,
    'Try:',
    `  curl -s ${running.url} -H 'content-type: application/json' -H "authorization: Bearer ${keys.company}" -d '{"query":"${query}"}'`,
    'Stop with Ctrl+C.',
    '',
  );
  return lines.join('\n');
}
