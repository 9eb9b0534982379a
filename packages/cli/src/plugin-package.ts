import {
  isCompatible,
  isPluginDefinition,
  LEGACY_PLUGIN_API_VERSION,
  PLUGIN_API_VERSION,
  validateManifest,
  type PluginDefinition,
  type PluginManifest,
} from '@maru/sdk';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLUGIN_FILE, posix, readPluginFile, type PluginFile } from './plugin-bundle.js';

type Exports = string | null | { [condition: string]: Exports } | Exports[];

/** The fields of package.json the CLI reads. */
export interface PackageJson {
  name?: string;
  version?: string;
  type?: string;
  main?: string;
  exports?: Exports;
  files?: string[];
  scripts?: Record<string, string>;
  /** `maru build`'s settings: `source`, the file that holds `definePlugin` (default `src/index.ts`). */
  maru?: { source?: string };
}

/** A built plugin package, loaded: its folder, package.json, entry module and definition. */
export interface PluginPackage {
  dir: string;
  pkg: PackageJson;
  /** Absolute path of the built entry. */
  entry: string;
  /** The entry relative to `dir`, with `/`: `dist/index.js`. */
  entryPath: string;
  definition: PluginDefinition;
  manifest: PluginManifest;
  /** The file that holds `definePlugin(...)`, as problems name it: `src/index.ts` (or `maru.source`) when it exists, else the entry. */
  source: string;
  /** 2: a `maru build` bundle described by `maru-plugin.json`; 1: a worker-thread module (no `maru-plugin.json`). */
  api: 1 | 2;
  /** `maru-plugin.json`, for plugin API 2. */
  pluginFile: PluginFile | null;
}

function exportTarget(value: Exports | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(exportTarget).find(Boolean) ?? null;
  if (!value) return null;
  for (const condition of ['node', 'import', 'default']) {
    const target = exportTarget(value[condition]);
    if (target) return target;
  }
  return null;
}

/** The entry package.json names, and the field that names it: `exports["."]` as Node resolves an import, else `main`. */
export function entryField(pkg: PackageJson): { field: string; target: string } | null {
  if (pkg.exports !== undefined) {
    const dot =
      typeof pkg.exports === 'object' && pkg.exports && !Array.isArray(pkg.exports) && '.' in pkg.exports
        ? pkg.exports['.']
        : pkg.exports;
    const target = exportTarget(dot);
    if (target) return { field: 'exports', target };
  }
  return pkg.main ? { field: 'main', target: pkg.main } : null;
}

/**
 * Reads a plugin folder the way a hub will: package.json, `maru-plugin.json`
 * and the bundle it names (plugin API 2) or the built entry package.json
 * points to (API 1), and its default export, which must come from
 * `definePlugin`. Returns the problems that stop it, each naming the file and
 * what to change.
 */
export async function readPluginPackage(dir: string): Promise<{ plugin: PluginPackage | null; problems: string[] }> {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile))
    return {
      plugin: null,
      problems: [
        `package.json: not found in ${dir} — run maru in the plugin's folder (where its package.json is), or create one with npm create maru-plugin`,
      ],
    };
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as PackageJson;
  } catch (error) {
    return { plugin: null, problems: [`package.json: not valid JSON (${(error as Error).message}) — fix the syntax`] };
  }
  const read = readPluginFile(dir);
  if (read && !read.file) return { plugin: null, problems: read.problems };
  const pluginFile = read?.file ?? null;
  const build = pkg.scripts?.build ? 'run npm run build' : 'build the plugin (add a "build" script: "maru build")';
  const named = pluginFile ? { field: PLUGIN_FILE, target: pluginFile.bundle } : entryField(pkg);
  if (!named)
    return {
      plugin: null,
      problems: ['package.json: no "main" or "exports" — add "main": "./dist/plugin.js" and build with maru build'],
    };
  const entry = resolve(dir, named.target);
  const entryPath = posix(relative(dir, entry));
  if (!existsSync(entry)) {
    const where = pluginFile ? `${PLUGIN_FILE}: "bundle"` : `package.json: "${named.field}"`;
    return { plugin: null, problems: [`${where} points to ${entryPath}, which does not exist — ${build}`] };
  }
  let module: { default?: unknown };
  try {
    // A fresh URL each time: `maru dev` reads the plugin again after every build.
    module = (await import(`${pathToFileURL(entry).href}?v=${Date.now()}`)) as { default?: unknown };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    const hint =
      /import statement outside a module|Unexpected token 'export'/.test(message ?? '') && pkg.type !== 'module'
        ? ' — add "type": "module" to package.json'
        : ' — fix the error, rebuild and try again';
    return { plugin: null, problems: [`${entryPath}: failed to load: ${message}${hint}`] };
  }
  const sourcePath = posix(pkg.maru?.source?.replace(/^\.\//, '') ?? 'src/index.ts');
  const source = existsSync(join(dir, sourcePath)) ? sourcePath : entryPath;
  if (!isPluginDefinition(module.default)) {
    return {
      plugin: null,
      problems: [
        `${entryPath}: the default export is not a plugin — in ${source}, write export default definePlugin({ ... }) (from @maru/sdk)`,
      ],
    };
  }
  const definition = module.default;
  return {
    plugin: {
      dir,
      pkg,
      entry,
      entryPath,
      definition,
      manifest: definition.manifest,
      source,
      api: pluginFile ? 2 : 1,
      pluginFile,
    },
    problems: [],
  };
}

/** Hubs load plugin API 1 (worker threads) only when their operator sets this to 1. */
export const LEGACY_WORKERS_ENV = 'MARU_PLUGIN_LEGACY_WORKERS';

/**
 * What a hub would refuse in the manifest: the SDK's checks, compatibility
 * with this hub's plugin API, and a package.json that disagrees with it. A
 * plugin API 1 package is refused as a default hub refuses it; with
 * `legacyAllowed` (the operator's MARU_PLUGIN_LEGACY_WORKERS=1) it is a
 * warning instead.
 */
export function checkManifest(
  plugin: PluginPackage,
  options: { legacyAllowed?: boolean } = {},
): { problems: string[]; warnings: string[] } {
  const { manifest, pkg, source } = plugin;
  const problems = validateManifest(manifest).map((p) => `${source}: definePlugin → ${p.path}: ${p.message}`);
  const warnings: string[] = [];
  const [major] = PLUGIN_API_VERSION.split('.');
  const compatibilityNamed = problems.some((p) => p.includes('→ compatibility:'));
  if (plugin.api === 1 && !compatibilityNamed && isCompatible(manifest.compatibility, LEGACY_PLUGIN_API_VERSION)) {
    const legacy = `${plugin.entryPath}: plugin API 1 (worker threads): hubs load it only when their operator allows legacy plugins (${LEGACY_WORKERS_ENV}=1); rebuild with maru build against @maru/sdk 0.2 and compatibility "^${major}.0.0"`;
    (options.legacyAllowed ? warnings : problems).push(legacy);
  } else if (plugin.api === 1 && !compatibilityNamed && isCompatible(manifest.compatibility)) {
    problems.push(
      `${plugin.entryPath}: built for plugin API ${major} but there is no ${PLUGIN_FILE} — build it with maru build (set the "build" script to "maru build")`,
    );
  } else if (!compatibilityNamed && !isCompatible(manifest.compatibility)) {
    problems.push(
      `${source}: definePlugin → compatibility: "${manifest.compatibility}" does not accept this hub's plugin API ${PLUGIN_API_VERSION} — use a range such as "^${major}.0.0"`,
    );
  }
  if (pkg.name !== manifest.name)
    problems.push(
      `package.json: "name" is ${JSON.stringify(pkg.name ?? null)} but definePlugin in ${source} says "${manifest.name}" — make them the same (a hub installs a plugin by its package name)`,
    );
  if (pkg.version !== manifest.version)
    problems.push(
      `package.json: "version" is ${JSON.stringify(pkg.version ?? null)} but definePlugin in ${source} says "${manifest.version}" — make them the same`,
    );
  return { problems, warnings };
}
