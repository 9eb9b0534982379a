import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runNpm } from './run-npm.js';

/** Where the CLI keeps its files in a plugin folder: the signing key and the staged package. Gitignored. */
export const MARU_DIR = '.maru';

/** The files `npm pack` would publish from a folder, as paths with `/`. */
export async function packedFiles(dir: string, env?: NodeJS.ProcessEnv): Promise<string[]> {
  const out = await runNpm(['pack', '--dry-run', '--json', '--ignore-scripts'], dir, env);
  const report = JSON.parse(out.slice(out.indexOf('['))) as Array<{ files: Array<{ path: string }> }>;
  return report[0]!.files.map((f) => f.path).sort();
}

/** Where `maru hub` and `maru dev` keep the package they load: inside the plugin folder, so Node finds its dependencies in the folder's node_modules. */
export const hubStageDir = (dir: string) => join(dir, MARU_DIR, 'package');

/**
 * Copies the files the package would publish into `stageDir`: the package
 * exactly as a hub gets it from npm. That copy is what `maru sign` signs and
 * what `maru hub` loads, so the signature covers the published files — not
 * node_modules, sources or keys — and survives `npm pack`.
 */
export async function stagePackage(
  dir: string,
  stageDir: string,
  env?: NodeJS.ProcessEnv,
): Promise<{ stageDir: string; files: string[] }> {
  const files = await packedFiles(dir, env);
  rmSync(stageDir, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(stageDir, file)), { recursive: true });
    copyFileSync(join(dir, file), join(stageDir, file));
  }
  return { stageDir, files };
}
