import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CreateError } from './create-error.js';

/** The packages a new project needs that `npm pack` names `maru-<short>-<version>.tgz`. */
export const LOCAL_PACKAGES = ['@maru/sdk', '@maru/testing', '@maru/cli', '@maru/core', '@maru/hub'] as const;

const compareVersions = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Finds the packed tarballs of the Maru packages in a folder (the newest
 * version of each) and returns `file:` specs for them. Throws naming the
 * missing tarball and how to make it.
 */
export function localTarballs(folder: string): Record<string, string> {
  if (!existsSync(folder))
    throw new CreateError(`--local ${folder}: the folder does not exist — npm pack the Maru packages into it first`);
  const files = readdirSync(folder);
  const specs: Record<string, string> = {};
  for (const name of LOCAL_PACKAGES) {
    const short = name.slice('@maru/'.length);
    const pattern = new RegExp(`^maru-${short}-(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)\\.tgz$`);
    const found = files
      .map((f) => pattern.exec(f))
      .filter((m): m is RegExpExecArray => !!m)
      .sort((a, b) => compareVersions(a[1]!, b[1]!));
    const newest = found.at(-1);
    if (!newest)
      throw new CreateError(
        `--local ${folder}: no maru-${short}-<version>.tgz there — run npm pack --pack-destination ${folder} in the ${name} package`,
      );
    specs[name] = `file:${join(folder, newest[0])}`;
  }
  return specs;
}
