import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packageDirOf } from './signature.js';

/** Finds an installed npm package's module by Node's resolution and checks its exact version. */
export async function resolveInstalledPackage(name: string, version: string): Promise<string> {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve(name));
  } catch {
    throw new Error(`install it on the hub (npm install ${name}@${version}) and restart`);
  }
  const installed = (JSON.parse(readFileSync(`${packageDirOf(entry)}/package.json`, 'utf8')) as { version?: string })
    .version;
  if (installed !== version) throw new Error(`version ${installed} is installed; install exactly ${version}`);
  return entry;
}
