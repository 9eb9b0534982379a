import { isCompatible, isPluginDefinition, PLUGIN_API_VERSION, validateManifest, type PluginDefinition, type PluginManifest } from '@maru/sdk';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

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
  /** The file that holds `definePlugin(...)`, as problems name it: `src/index.ts` when it exists, else the entry. */
  source: string;
}

const posix = (path: string) => path.split(sep).join('/');

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
function entryField(pkg: PackageJson): { field: string; target: string } | null {
  if (pkg.exports !== undefined) {
    const dot = typeof pkg.exports === 'object' && pkg.exports && !Array.isArray(pkg.exports) && '.' in pkg.exports ? pkg.exports['.'] : pkg.exports;
    const target = exportTarget(dot);
    if (target) return { field: 'exports', target };
  }
  return pkg.main ? { field: 'main', target: pkg.main } : null;
}

/**
 * Reads a plugin folder the way a hub will: package.json, the built entry it
 * points to, and the entry's default export, which must come from
 * `definePlugin`. Returns the problems that stop it, each naming the file and
 * what to change.
 */
export async function readPluginPackage(dir: string): Promise<{ plugin: PluginPackage | null; problems: string[] }> {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) return { plugin: null, problems: [`package.json: not found in ${dir} — run maru in the plugin's folder (where its package.json is), or create one with npm create maru-plugin`] };
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as PackageJson;
  } catch (error) {
    return { plugin: null, problems: [`package.json: not valid JSON (${(error as Error).message}) — fix the syntax`] };
  }
  const named = entryField(pkg);
  if (!named) return { plugin: null, problems: ['package.json: no "main" or "exports" — add "main": "./dist/index.js" (the built plugin)'] };
  const entry = resolve(dir, named.target);
  const entryPath = posix(relative(dir, entry));
  if (!existsSync(entry)) {
    const build = pkg.scripts?.build ? 'run npm run build' : 'build the plugin (add a "build" script, e.g. "tsup")';
    return { plugin: null, problems: [`package.json: "${named.field}" points to ${entryPath}, which does not exist — ${build}`] };
  }
  let module: { default?: unknown };
  try {
    // A fresh URL each time: `maru dev` reads the plugin again after every build.
    module = (await import(`${pathToFileURL(entry).href}?v=${Date.now()}`)) as { default?: unknown };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    const hint = /import statement outside a module|Unexpected token 'export'/.test(message ?? '') && pkg.type !== 'module' ? ' — add "type": "module" to package.json' : ' — fix the error, rebuild and try again';
    return { plugin: null, problems: [`${entryPath}: failed to load: ${message}${hint}`] };
  }
  const source = existsSync(join(dir, 'src', 'index.ts')) ? 'src/index.ts' : entryPath;
  if (!isPluginDefinition(module.default)) {
    return { plugin: null, problems: [`${entryPath}: the default export is not a plugin — in ${source}, write export default definePlugin({ ... }) (from @maru/sdk)`] };
  }
  const definition = module.default;
  return { plugin: { dir, pkg, entry, entryPath, definition, manifest: definition.manifest, source }, problems: [] };
}

/**
 * What a hub would refuse in the manifest: the SDK's checks, compatibility
 * with this hub's plugin API, and a package.json that disagrees with it.
 */
export function checkManifest(plugin: PluginPackage): string[] {
  const { manifest, pkg, source } = plugin;
  const problems = validateManifest(manifest).map((p) => `${source}: definePlugin → ${p.path}: ${p.message}`);
  if (!problems.some((p) => p.includes('→ compatibility:')) && !isCompatible(manifest.compatibility)) {
    const [major, minor] = PLUGIN_API_VERSION.split('.');
    problems.push(`${source}: definePlugin → compatibility: "${manifest.compatibility}" does not accept this hub's plugin API ${PLUGIN_API_VERSION} — use a range such as "^${major}.${minor}.0"`);
  }
  if (pkg.name !== manifest.name) problems.push(`package.json: "name" is ${JSON.stringify(pkg.name ?? null)} but definePlugin in ${source} says "${manifest.name}" — make them the same (a hub installs a plugin by its package name)`);
  if (pkg.version !== manifest.version) problems.push(`package.json: "version" is ${JSON.stringify(pkg.version ?? null)} but definePlugin in ${source} says "${manifest.version}" — make them the same`);
  return problems;
}
