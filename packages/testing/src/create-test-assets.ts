import type { PluginAssets } from '@maru/sdk';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLUGIN_FILE } from './resolve-plugin-entry.js';

/** What {@link createTestAssets} reads: the package folder, and the paths the manifest lists in `assets`. */
export interface TestAssetsOptions {
  /** The plugin package's folder (a path or a `file:` URL). Default: none, so every read fails. */
  packageDir?: string | URL;
  /** The paths the manifest lists in `assets`. Default: those of the package's maru-plugin.json (written by `maru build`). */
  assets?: readonly string[];
}

const folderOf = (dir: string | URL) =>
  dir instanceof URL || dir.startsWith('file:') ? fileURLToPath(dir) : resolve(dir);

/** The manifest's `assets` as `maru build` recorded them, or null when the package is not built. */
function builtAssets(dir: string): string[] | null {
  const file = join(dir, PLUGIN_FILE);
  if (!existsSync(file)) return null;
  const assets = (JSON.parse(readFileSync(file, 'utf8')) as { manifest?: { assets?: unknown } }).manifest?.assets;
  return Array.isArray(assets) ? assets.filter((a): a is string => typeof a === 'string') : [];
}

/**
 * `ctx.assets` for unit tests: the files the manifest lists, read from the
 * package folder (the hub reads them from the signed package). A path not
 * listed fails with the hub's message.
 */
export function createTestAssets(options: TestAssetsOptions = {}): PluginAssets {
  const dir = options.packageDir === undefined ? null : folderOf(options.packageDir);
  let listed: readonly string[] | null | undefined = options.assets;
  const bytes = async (path: string): Promise<Uint8Array> => {
    listed ??= dir ? builtAssets(dir) : [];
    if (listed === null)
      throw new Error(
        `ctx.assets: ${dir} has no ${PLUGIN_FILE} to list the assets — run maru build, or pass createTestContext({ assets: plugin.manifest.assets })`,
      );
    if (typeof path !== 'string' || !listed.includes(path)) {
      throw new Error(
        `"${String(path)}" is not an asset of this plugin: list the file in the manifest's assets (definePlugin({ assets: [...] })) and in package.json files`,
      );
    }
    if (!dir)
      throw new Error(
        `ctx.assets: no package folder to read "${path}" from — pass createTestContext({ packageDir: new URL('..', import.meta.url) })`,
      );
    return new Uint8Array(readFileSync(join(dir, path)));
  };
  return {
    bytes,
    text: async (path) => new TextDecoder().decode(await bytes(path)),
    json: async (path) => JSON.parse(new TextDecoder().decode(await bytes(path))),
  };
}
