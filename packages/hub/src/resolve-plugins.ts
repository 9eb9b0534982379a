import type { PluginConfig } from '@maru/core';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, type HubConfig } from './config.js';

/** The plugins shipped in this repository's `plugins/` folder, loaded in demo mode with what they ask for. */
export const BUNDLED_PLUGINS: HubConfig['plugins'] = [
  { package: '@maru/plugin-address', capabilities: [] },
  { package: '@maru/plugin-documents', capabilities: ['kv'] },
  { package: '@maru/plugin-notify', capabilities: ['kv', 'fetch'] },
];

/**
 * Turns configured package names or paths into module paths for the plugin
 * host. The hub never imports a plugin: it only finds its file, and the
 * plugin's code runs in its own worker.
 */
export function resolvePlugins(list: HubConfig['plugins'], cwd = process.cwd()): PluginConfig[] {
  return list.map(({ package: name, capabilities }) => {
    let entry: string;
    if (name.startsWith('.') || isAbsolute(name)) {
      entry = resolve(cwd, name);
      if (!existsSync(entry))
        throw new ConfigError(`plugin ${name}: no file at ${entry}; build the plugin or fix the path.`);
    } else {
      try {
        entry = fileURLToPath(import.meta.resolve(name));
      } catch {
        throw new ConfigError(
          `plugin ${name}: the package is not installed; run \`npm install ${name}\` (and build it).`,
        );
      }
      if (!existsSync(entry)) throw new ConfigError(`plugin ${name}: ${entry} does not exist; build the plugin first.`);
    }
    return { entry, capabilities: capabilities as PluginConfig['capabilities'] };
  });
}
