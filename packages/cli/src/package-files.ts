import { lstatSync, readdirSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { MARU_DIR } from './stage-package.js';

/** Files npm publishes from the package root whatever `files` says (besides `main` and `bin`). */
const ALWAYS_PUBLISHED =
  /^(package\.json|(readme|license|licence|copying|changelog|changes|history|notice)(\.[^/]*)?)$/i;

/** A `files` entry as npm reads it: without a leading `./` or `/` and a trailing `/`. */
const entryOf = (entry: string) => entry.replace(/^\.?\//, '').replace(/\/+$/, '');

/**
 * Whether package.json `files` lists a path, as npm reads the list: an entry
 * names the file, or a folder and everything in it, and may be a glob. No
 * `files` means the whole folder.
 */
export function listedInFiles(files: readonly string[] | undefined, path: string): boolean {
  if (!files) return true;
  return files.some((raw) => {
    const entry = entryOf(raw);
    if (!entry || entry.startsWith('!')) return false;
    return (
      path === entry || path.startsWith(`${entry}/`) || matchesGlob(path, entry) || matchesGlob(path, `${entry}/**`)
    );
  });
}

/** Published files package.json `files` does not list (npm adds `main`, `bin` and the files it always publishes). */
export function publishedOutsideFiles(files: readonly string[] | undefined, published: readonly string[]): string[] {
  return published.filter((path) => !ALWAYS_PUBLISHED.test(path) && !listedInFiles(files, path));
}

/**
 * Symbolic links where npm would publish files: npm silently leaves links
 * out of the tarball, and hubs refuse them, so each one is a file the
 * installed plugin would not have. `node_modules`, `.git` and `.maru` at the
 * root are not looked into.
 */
export function symlinksInPackage(dir: string, files: readonly string[] | undefined): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (!rel && ['node_modules', '.git', MARU_DIR].includes(name)) continue;
      const stat = lstatSync(join(dir, path));
      if (stat.isSymbolicLink()) {
        if (listedInFiles(files, path)) found.push(path);
      } else if (stat.isDirectory()) {
        walk(path);
      }
    }
  };
  walk('');
  return found;
}

/** The problem for each symbolic link, naming it and the fix. */
export const symlinkProblems = (links: readonly string[]) =>
  links.map(
    (link) =>
      `${link}: a symbolic link in the published files — npm leaves links out of the package and hubs refuse them; copy the file in instead, or leave it out of package.json "files"`,
  );
