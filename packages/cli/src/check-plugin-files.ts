import { statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { publishedOutsideFiles, symlinkProblems, symlinksInPackage } from './package-files.js';
import {
  BUNDLE_PATH,
  bundleImports,
  checkAssets,
  kib,
  MAX_BUNDLE_BYTES,
  mib,
  PLUGIN_FILE,
  posix,
} from './plugin-bundle.js';
import { entryField, type PluginPackage } from './plugin-package.js';

const REBUILD = `run maru build again (it writes ${PLUGIN_FILE} from the bundle; do not edit either)`;

/** The first place two JSON values differ, as `services.0.key`; `''` when they differ at the top. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (typeof a === 'object' && a && typeof b === 'object' && b && Array.isArray(a) === Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
      if (!isDeepStrictEqual(ra[key], rb[key])) return firstDifference(ra[key], rb[key], path ? `${path}.${key}` : key);
    }
  }
  return path;
}

/**
 * What a hub refuses in a plugin API 2 package, besides the manifest itself:
 * a bundle that imports anything or is too large, a `maru-plugin.json`
 * manifest other than the bundle's, assets that are missing, linked or too
 * large, a "main" not on the bundle, and published files that are not all
 * listed in package.json "files".
 */
export async function checkBundlePackage(plugin: PluginPackage, published: readonly string[]): Promise<string[]> {
  const { dir, pkg, entry, entryPath, pluginFile, manifest, source } = plugin;
  const problems: string[] = [];
  const imports = await bundleImports(entry).catch((error: Error) => [`(unreadable: ${error.message.split('\n')[0]})`]);
  if (imports.length)
    problems.push(
      `${entryPath}: imports ${imports.map((i) => `"${i}"`).join(', ')}, but a plugin runs in an isolate with no modules to import — ${REBUILD}`,
    );
  const bytes = statSync(entry).size;
  if (bytes > MAX_BUNDLE_BYTES)
    problems.push(
      `${entryPath}: ${kib(bytes)}, more than the ${mib(MAX_BUNDLE_BYTES)} a hub loads — drop large dependencies, or move data into assets (ctx.assets)`,
    );
  const bundled = JSON.parse(JSON.stringify(manifest)) as unknown;
  if (!isDeepStrictEqual(pluginFile!.manifest, bundled)) {
    const at = firstDifference(pluginFile!.manifest, bundled);
    problems.push(
      `${PLUGIN_FILE}: its manifest${at ? ` (at ${at})` : ''} differs from what ${entryPath} says — hubs refuse the package; ${REBUILD}`,
    );
  }
  const main = entryField(pkg);
  if (!main) problems.push(`package.json: no "main" — set "main": "./${entryPath}" (the bundle)`);
  else if (posix(main.target).replace(/^\.\//, '') !== entryPath)
    problems.push(
      `package.json: "${main.field}" points to ${main.target}, not to the bundle — set "main": "./${entryPath}"`,
    );
  problems.push(...checkAssets(dir, manifest.assets ?? [], source).problems);
  for (const path of [PLUGIN_FILE, ...(manifest.assets ?? [])]) {
    if (!published.includes(path))
      problems.push(
        `package.json: "files" leaves out ${path}, so the published package would lack it — add "${path}" to "files"`,
      );
  }
  if (!pkg.files) {
    problems.push(
      `package.json: no "files", so npm publishes the whole folder — list what the plugin needs: "files": ${JSON.stringify([entryPath === BUNDLE_PATH ? 'dist' : entryPath, PLUGIN_FILE, 'maru-signature.json', ...(manifest.assets ?? [])])}`,
    );
  } else {
    for (const path of publishedOutsideFiles(pkg.files, published))
      problems.push(
        `${path}: published although package.json "files" does not list it (npm adds "main" and "bin" files) — point "main" into "files", or add it to "files" if the plugin needs it`,
      );
  }
  return problems;
}

/** For every plugin package: symbolic links where npm would publish files. */
export const checkSymlinks = (plugin: PluginPackage) =>
  symlinkProblems(symlinksInPackage(plugin.dir, plugin.pkg.files));
