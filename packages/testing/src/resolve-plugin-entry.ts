import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file `maru build` writes at the package root: `{ api: 2, bundle, manifest }`. */
export const PLUGIN_FILE = 'maru-plugin.json';

/**
 * The bundle a hub runs for a plugin under test: for a package folder, the
 * `bundle` its maru-plugin.json names (written by `maru build`, normally
 * `dist/plugin.js`); a file is taken as the bundle itself. Relative paths
 * start at `cwd`. Throws naming what to do when the plugin is not built.
 */
export function resolvePluginEntry(plugin: string | URL, cwd = process.cwd()): string {
  const path = plugin instanceof URL || plugin.startsWith('file:') ? fileURLToPath(plugin) : resolve(cwd, plugin);
  if (!existsSync(path))
    throw new Error(
      `createPluginTestHub: ${path} does not exist; pass the plugin package's folder or its bundle (dist/plugin.js).`,
    );
  if (!statSync(path).isDirectory()) return path;
  if (!existsSync(join(path, 'package.json')))
    throw new Error(
      `createPluginTestHub: ${path} has no package.json; pass the plugin package's folder or its bundle (dist/plugin.js).`,
    );
  const described = join(path, PLUGIN_FILE);
  if (!existsSync(described))
    throw new Error(
      `createPluginTestHub: ${path} has no ${PLUGIN_FILE}, so the plugin is not built for plugin API 2 — run maru build (npm run build) in the package first.`,
    );
  let bundle: unknown;
  try {
    bundle = (JSON.parse(readFileSync(described, 'utf8')) as { bundle?: unknown }).bundle;
  } catch (error) {
    throw new Error(`${described}: not valid JSON (${(error as Error).message}) — run maru build again.`);
  }
  if (typeof bundle !== 'string') throw new Error(`${described}: names no "bundle" — run maru build again.`);
  const file = resolve(path, bundle);
  if (!existsSync(file))
    throw new Error(`${described}: the bundle ${bundle} does not exist — run maru build (npm run build) in ${path}.`);
  return file;
}
