/**
 * Reads a plugin package before any of its code runs, and says which engine
 * may run it: an API-2 package (maru-plugin.json beside package.json, written
 * by `maru build`) is one bundle and its assets, read here and handed to an
 * isolate as bytes; a package without it is a legacy API-1 module that a
 * worker thread imports from disk.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PluginManifest } from '@maru/sdk';

/** The file `maru build` writes at the package root. */
export const PLUGIN_PACKAGE_FILE = 'maru-plugin.json';
/** The largest bundle a hub loads. */
export const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
/** The most bytes of assets, together, a hub loads for one plugin. */
export const MAX_ASSET_BYTES = 8 * 1024 * 1024;

export type PluginPackage =
  /**
   * `read`: the SHA-256 (hex) of each file read, by package-relative path — the bytes that will run, to compare with
   * what a signature covers.
   */
  | {
      api: 2;
      bundle: string;
      manifest: PluginManifest;
      assets: Record<string, Uint8Array>;
      read: Record<string, string>;
    }
  | { api: 1 }
  | { api: null; problem: string };

const refused = (problem: string): PluginPackage => ({ api: null, problem });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The files package.json `files` publishes (folders whole), as package-relative paths; null when it lists none. */
function declaredFiles(dir: string): string[] | null {
  try {
    const files = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { files?: unknown }).files;
    return Array.isArray(files)
      ? files.filter((f): f is string => typeof f === 'string').map((f) => f.replace(/^\.\//, '').replace(/\/$/, ''))
      : null;
  } catch {
    return null;
  }
}

/** An entry of package.json `files` as npm reads it: a file, a folder (whole), or a glob with `*` and `**`. */
function matches(entry: string, path: string): boolean {
  if (path === entry || path.startsWith(`${entry}/`)) return true;
  if (!entry.includes('*')) return false;
  const pattern = entry
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${pattern}(/.*)?$`).test(path);
}

const isDeclared = (path: string, declared: string[] | null) =>
  path === PLUGIN_PACKAGE_FILE || declared === null || declared.some((entry) => matches(entry, path));

/** Left out of the search for links at the package root: a workspace's tooling, never published. */
const UNPUBLISHED_AT_ROOT = new Set(['node_modules', '.git', '.turbo']);

/** The first symbolic link under `path` (itself included), or null. */
function firstLink(path: string, root = path): string | null {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return null;
  if (stat.isSymbolicLink()) return path;
  if (!stat.isDirectory()) return null;
  for (const name of readdirSync(path).sort()) {
    if (path === root && UNPUBLISHED_AT_ROOT.has(name)) continue;
    const found = firstLink(join(path, name), root);
    if (found) return found;
  }
  return null;
}

/** A regular file inside the package, as bytes, or the reason it is not one. */
function readInside(dir: string, path: string, what: string, max: number): Uint8Array | string {
  const full = join(dir, path);
  const stat = lstatSync(full, { throwIfNoEntry: false });
  if (!stat) return `${what} ${path} is missing; run maru build`;
  if (stat.isSymbolicLink()) return `${what} ${path} is a symbolic link; a plugin package holds no links`;
  if (!stat.isFile()) return `${what} ${path} is not a file`;
  if (relative(realpathSync(dir), realpathSync(full)).startsWith('..')) return `${what} ${path} is outside the package`;
  if (stat.size > max) return `${what} ${path} is ${stat.size} bytes, more than the ${max} a hub loads`;
  return new Uint8Array(readFileSync(full));
}

/**
 * Reads the package at `dir` whose entry is `entry`. For API 2: maru-plugin.json, the bundle
 * (which must be the entry) and every asset the manifest lists — each a regular file inside the
 * package and inside package.json `files`, no symbolic link among the published files, within
 * the size limits. The manifest is compared with the bundle's own once the bundle runs.
 */
export function readPluginPackage(dir: string, entry: string): PluginPackage {
  const file = join(dir, PLUGIN_PACKAGE_FILE);
  if (!lstatSync(file, { throwIfNoEntry: false })) return { api: 1 };
  let described: { api?: unknown; bundle?: unknown; manifest?: unknown };
  const read: Record<string, string> = {};
  try {
    if (lstatSync(file).isSymbolicLink())
      return refused(`package: ${PLUGIN_PACKAGE_FILE} is a symbolic link; a plugin package holds no links`);
    const bytes = readFileSync(file);
    read[PLUGIN_PACKAGE_FILE] = sha256(bytes);
    described = JSON.parse(bytes.toString('utf8')) as typeof described;
  } catch {
    return refused(`package: ${PLUGIN_PACKAGE_FILE} is not valid JSON; run maru build again`);
  }
  if (described.api !== 2)
    return refused(
      `package: ${PLUGIN_PACKAGE_FILE} says plugin API ${JSON.stringify(described.api)}; ` +
        `this hub runs API 2 bundles (rebuild with maru build against @maru/sdk 0.2)`,
    );
  if (typeof described.bundle !== 'string' || !described.manifest || typeof described.manifest !== 'object')
    return refused(`package: ${PLUGIN_PACKAGE_FILE} needs "bundle" and "manifest"; run maru build again`);
  const bundlePath = described.bundle.replace(/^\.\//, '');
  if (relative(dir, entry).split(sep).join('/') !== bundlePath)
    return refused(
      `package: the entry ${relative(dir, entry)} is not the bundle ${bundlePath} ` +
        `that ${PLUGIN_PACKAGE_FILE} names; point the hub at the bundle`,
    );
  const declared = declaredFiles(dir);
  const link = firstLink(dir);
  if (link)
    return refused(
      `package: ${relative(dir, link)} is a symbolic link; a plugin package holds no links (copy the file in)`,
    );
  if (!isDeclared(bundlePath, declared))
    return refused(`package: the bundle ${bundlePath} is not in package.json files; add it`);
  const bundle = readInside(dir, bundlePath, 'the bundle', MAX_BUNDLE_BYTES);
  if (typeof bundle === 'string') return refused(`package: ${bundle}`);
  read[bundlePath] = sha256(bundle);
  const manifest = described.manifest as PluginManifest;
  const assets: Record<string, Uint8Array> = {};
  let total = 0;
  for (const [i, path] of (Array.isArray(manifest.assets) ? manifest.assets : []).entries()) {
    if (
      typeof path !== 'string' ||
      path.startsWith('/') ||
      path.split('/').some((s) => s === '..' || s === '' || s === '.')
    )
      return refused(`assets.${i}: "${String(path)}" is not a path inside the package`);
    if (!isDeclared(path, declared))
      return refused(`assets.${i}: ${path} is not in package.json files; add it so it is published`);
    const bytes = readInside(dir, path, 'the asset', MAX_ASSET_BYTES);
    if (typeof bytes === 'string') return refused(`assets.${i}: ${bytes}`);
    read[path] = sha256(bytes);
    total += bytes.byteLength;
    if (total > MAX_ASSET_BYTES)
      return refused(`assets: together more than the ${MAX_ASSET_BYTES} bytes a hub loads; make them smaller`);
    assets[path] = bytes;
  }
  return { api: 2, bundle: new TextDecoder().decode(bundle), manifest, assets, read };
}
