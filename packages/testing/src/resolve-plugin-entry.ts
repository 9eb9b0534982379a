import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Exports = string | null | { [condition: string]: Exports } | Exports[];

/** The module an `exports` value leads to for `import` under Node: `node`, `import` and `default` win, in that order. */
function exportTarget(value: Exports | undefined): string | null {
  if (typeof value === 'string') return value;
  if (!value || Array.isArray(value)) return Array.isArray(value) ? value.map(exportTarget).find(Boolean) ?? null : null;
  for (const condition of ['node', 'import', 'default']) {
    const target = exportTarget(value[condition]);
    if (target) return target;
  }
  return null;
}

/** The built module a plugin package's `package.json` points to (`exports["."]`, else `main`), relative to its folder. */
export function packageEntryOf(pkg: { main?: string; exports?: Exports }): string | null {
  const exports = pkg.exports;
  if (exports !== undefined) {
    const dot = typeof exports === 'object' && exports && !Array.isArray(exports) && '.' in exports ? exports['.'] : exports;
    const target = exportTarget(dot);
    if (target) return target;
  }
  return pkg.main ?? null;
}

/**
 * The built entry of a plugin under test: a package folder (its `exports` or
 * `main`), or a module file. Relative paths start at `cwd`. Throws naming
 * what to change when the plugin is not built.
 */
export function resolvePluginEntry(plugin: string | URL, cwd = process.cwd()): string {
  const path = plugin instanceof URL || plugin.startsWith('file:') ? fileURLToPath(plugin) : resolve(cwd, plugin);
  if (!existsSync(path)) throw new Error(`createPluginTestHub: ${path} does not exist; pass the plugin package's folder or its built entry.`);
  if (!statSync(path).isDirectory()) return path;
  const manifestFile = join(path, 'package.json');
  if (!existsSync(manifestFile)) throw new Error(`createPluginTestHub: ${path} has no package.json; pass the plugin package's folder or its built entry.`);
  const pkg = JSON.parse(readFileSync(manifestFile, 'utf8')) as { main?: string; exports?: Exports };
  const entry = packageEntryOf(pkg);
  if (!entry) throw new Error(`${manifestFile}: set "main" (or "exports") to the built plugin, e.g. "./dist/index.js".`);
  const file = resolve(path, entry);
  if (!existsSync(file)) throw new Error(`${manifestFile}: "${pkg.exports ? 'exports' : 'main'}" points to ${relative(path, file)}, which does not exist — run npm run build.`);
  return file;
}
