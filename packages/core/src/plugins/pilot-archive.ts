/**
 * Reads a plugin package tarball (`maru pack`'s output: npm pack's `package/` folder, gzipped) a company uploads for
 * its awarded submission, before any of it touches the disk: only regular files and folders under `package/`, no
 * path that climbs out, no links, devices or duplicates, each file and the whole within the sizes a hub loads.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { entries } from 'tar';
import { MAX_ASSET_BYTES, MAX_BUNDLE_BYTES } from './plugin-package.js';

/** The largest tarball a company uploads: a bundle, its assets and the package's small files. */
export const MAX_PACKAGE_BYTES = MAX_BUNDLE_BYTES + MAX_ASSET_BYTES + 1024 * 1024;
/** The most entries a package tarball may hold. */
export const MAX_PACKAGE_ENTRIES = 500;

/** The archive's files by package-relative path, or why it is refused (a sentence naming the entry). */
export type ArchiveRead = { ok: true; files: Map<string, Uint8Array> } | { ok: false; reason: string };

const SEGMENT = /^[A-Za-z0-9@._+-][A-Za-z0-9@._+ -]{0,199}$/;

/** `package/dist/plugin.js` → `dist/plugin.js`; null when the path is not a plain path inside `package/`. */
function insidePackage(path: string): string | null {
  const trimmed = path.replace(/\/$/, '');
  if (!trimmed.startsWith('package/')) return trimmed === 'package' ? '' : null;
  const rest = trimmed.slice('package/'.length);
  const segments = rest.split('/');
  return segments.every((s) => s !== '.' && s !== '..' && SEGMENT.test(s)) ? rest : null;
}

export async function readPackageArchive(bytes: Uint8Array): Promise<ArchiveRead> {
  if (bytes.byteLength > MAX_PACKAGE_BYTES)
    return {
      ok: false,
      reason: `the tarball is ${bytes.byteLength} bytes, more than the ${MAX_PACKAGE_BYTES} a hub takes`,
    };
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let count = 0;
  try {
    for await (const entry of entries(bytes, { strict: true, maxDecompressionRatio: 200 })) {
      if (++count > MAX_PACKAGE_ENTRIES)
        return { ok: false, reason: `the tarball holds more than ${MAX_PACKAGE_ENTRIES} entries` };
      const path = insidePackage(entry.path);
      if (path === null)
        return {
          ok: false,
          reason: `"${entry.path.slice(0, 200)}" is not a path inside package/ (absolute, climbing out with .., or odd characters)`,
        };
      if (entry.type === 'Directory') continue;
      if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile')
        return { ok: false, reason: `"${entry.path}" is a ${entry.type}; a plugin package holds only files` };
      if (files.has(path)) return { ok: false, reason: `"${entry.path}" appears twice` };
      const size = entry.size ?? 0;
      if (size > MAX_BUNDLE_BYTES)
        return { ok: false, reason: `"${entry.path}" is ${size} bytes, more than the ${MAX_BUNDLE_BYTES} a hub loads` };
      total += size;
      if (total > MAX_BUNDLE_BYTES + MAX_ASSET_BYTES)
        return {
          ok: false,
          reason: `the files together pass the ${MAX_BUNDLE_BYTES + MAX_ASSET_BYTES} bytes a hub loads`,
        };
      files.set(path, await entry.bytes());
    }
  } catch (error) {
    return { ok: false, reason: `it is not a gzipped tar archive that reads whole (${(error as Error).message})` };
  }
  if (!files.has('package.json'))
    return { ok: false, reason: 'it has no package/package.json; upload what maru pack wrote' };
  return { ok: true, files };
}

/**
 * Writes read files as a package folder at `dir`, whole or not at all: into a sibling scratch folder first, renamed
 * into place (a hub that finds `dir` finds every file).
 */
export async function writePackageFolder(files: Map<string, Uint8Array>, dir: string): Promise<void> {
  const scratch = `${dir}.${process.pid}.${Date.now()}.part`;
  await rm(scratch, { recursive: true, force: true });
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(scratch, path)), { recursive: true });
    await writeFile(join(scratch, path), bytes, { mode: 0o644 });
  }
  await mkdir(dirname(dir), { recursive: true });
  try {
    await rename(scratch, dir);
  } catch (error) {
    // Another request (or hub on a shared folder) wrote the same content-addressed folder first: theirs is as good.
    await rm(scratch, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST')
      throw error;
  }
}
