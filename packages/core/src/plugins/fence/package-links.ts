import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The first symbolic link under `dir` that could lead the plugin host out of
 * the folders in `allowed`, or null. Node's permission model checks a path as
 * written and the kernel follows the links in it, so a package holding a link
 * to the hub's data folder would hand it over, and a link to any folder —
 * even one inside the package — lets `link/../../..` climb past the package
 * (a security review read the hub's environment that way). Refused: every
 * link to a folder, and links to files outside `allowed`. A link that cannot
 * be resolved counts as leading out.
 */
export function linkOutside(dir: string, allowed: readonly string[]): { link: string; target: string } | null {
  const roots = allowed.flatMap((folder) => {
    try {
      return [realpathSync(folder)];
    } catch {
      return [];
    }
  });
  const inside = (path: string) => roots.some((root) => path === root || path.startsWith(root + sep));
  const walk = (folder: string, depth: number): { link: string; target: string } | null => {
    // Deeper than any real package: refused rather than left unchecked.
    if (depth > 40) return { link: relative(dir, folder), target: '(not followed: folders nested more than 40 deep)' };
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
        } catch {
          return { link: relative(dir, path), target: '(a path that does not exist)' };
        }
        if (!inside(target)) return { link: relative(dir, path), target };
        if (lstatSync(target).isDirectory())
          return {
            link: relative(dir, path),
            target: `${target} (a folder: a link to a folder lets a path climb out with ..)`,
          };
      } else if (stat.isDirectory()) {
        const found = walk(path, depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(dir, 0);
}
