import type { PluginManifest } from '@maru/sdk';
import { build } from 'esbuild';
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The file at a plugin package's root that makes it a plugin API 2 package: `{ api: 2, bundle, manifest }`. */
export const PLUGIN_FILE = 'maru-plugin.json';

/** Where `maru build` writes the bundle, relative to the package. */
export const BUNDLE_PATH = 'dist/plugin.js';

/** The largest bundle a hub loads (the same number as the hub's). */
export const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;

/** The most a hub reads of a plugin's assets, all together (the same number as the hub's). */
export const MAX_ASSETS_BYTES = 8 * 1024 * 1024;

/** The content of `maru-plugin.json`. */
export interface PluginFile {
  api: 2;
  /** The bundle, relative to the package, with `/`. */
  bundle: string;
  /** The manifest exactly as `definePlugin` made it. */
  manifest: PluginManifest;
}

export const posix = (path: string) => path.split(sep).join('/');
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

/** `maru-plugin.json` as `maru build` writes it: pretty JSON with a trailing newline. */
export const pluginFileText = (manifest: PluginManifest) =>
  `${JSON.stringify({ api: 2, bundle: BUNDLE_PATH, manifest } satisfies PluginFile, null, 2)}\n`;

/** Reads and checks the shape of `maru-plugin.json`; `null` when the folder has none (a plugin API 1 package). */
export function readPluginFile(dir: string): { file: PluginFile | null; problems: string[] } | null {
  const path = join(dir, PLUGIN_FILE);
  if (!existsSync(path)) return null;
  const rebuild = 'run maru build again (it writes this file; do not edit it)';
  let file: Partial<PluginFile>;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as Partial<PluginFile>;
  } catch (error) {
    return { file: null, problems: [`${PLUGIN_FILE}: not valid JSON (${(error as Error).message}) — ${rebuild}`] };
  }
  const problems: string[] = [];
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    return { file: null, problems: [`${PLUGIN_FILE}: not a JSON object — ${rebuild}`] };
  if (file.api !== 2)
    problems.push(
      `${PLUGIN_FILE}: "api" is ${JSON.stringify(file.api ?? null)}, this CLI builds and checks plugin API 2 — ${rebuild}`,
    );
  if (typeof file.bundle !== 'string' || !insidePackage(dir, file.bundle))
    problems.push(
      `${PLUGIN_FILE}: "bundle" must be a file path inside the package such as "${BUNDLE_PATH}" — ${rebuild}`,
    );
  if (typeof file.manifest !== 'object' || file.manifest === null || Array.isArray(file.manifest))
    problems.push(`${PLUGIN_FILE}: "manifest" is missing — ${rebuild}`);
  return { file: problems.length ? null : (file as PluginFile), problems };
}

/** Whether a relative path stays inside the package folder (no `..`, not absolute). */
export function insidePackage(dir: string, path: string): boolean {
  if (isAbsolute(path) || path.includes('\\')) return false;
  const rel = relative(dir, resolve(dir, path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The imports left in a bundle — static, dynamic and `require` calls with a
 * literal name — as esbuild parses them, so text inside strings and comments
 * does not count and no spelling of an import slips past a pattern.
 */
export async function bundleImports(bundle: string): Promise<string[]> {
  const result = await build({
    entryPoints: [bundle],
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'esm',
    metafile: true,
    external: ['*'],
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports);
  // `<runtime>` is esbuild's own helper for this re-bundle, not something in the file.
  return [...new Set(imports.filter((i) => i.path !== '<runtime>').map((i) => i.path))];
}

/**
 * Checks the manifest's `assets`: each a regular file (not a symbolic link,
 * not through one) inside the package, together within {@link MAX_ASSETS_BYTES}.
 */
export function checkAssets(
  dir: string,
  assets: readonly string[],
  source: string,
): { problems: string[]; bytes: number } {
  const problems: string[] = [];
  let bytes = 0;
  const root = realpathSync(dir);
  for (const asset of assets) {
    const where = `${source}: definePlugin → assets: "${asset}"`;
    if (!insidePackage(dir, asset)) {
      problems.push(
        `${where} is not inside the package — list paths relative to the package root, such as "data/addresses.json"`,
      );
      continue;
    }
    const path = resolve(dir, asset);
    if (!existsSync(path) && !isLink(path)) {
      problems.push(`${where} does not exist — create the file, or remove it from assets`);
      continue;
    }
    if (isLink(path) || posix(relative(root, realpathSync(path))) !== posix(relative(dir, path))) {
      problems.push(
        `${where} is a symbolic link or lies in a linked folder — hubs refuse links; copy the file into the package`,
      );
      continue;
    }
    const stat = lstatSync(path);
    if (!stat.isFile()) {
      problems.push(`${where} is not a regular file — list each file, not folders`);
      continue;
    }
    bytes += stat.size;
  }
  if (bytes > MAX_ASSETS_BYTES)
    problems.push(
      `${source}: definePlugin → assets: together ${kib(bytes)}, more than the ${mib(MAX_ASSETS_BYTES)} a hub reads — make them smaller, or fetch large data with ctx.fetch`,
    );
  return { problems, bytes };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
