// The versions a new plugin project starts with, read from this repository when the scaffolder
// is built (and in its tests), so a published scaffolder names the packages released with it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Plugin API 2 (one bundle, run in an isolate) arrives with SDK 0.2.0: a new project never asks for less, even before the release bumps packages/sdk to it. */
const FIRST_SDK_OF_API_2 = '0.2.0';
const atLeast = (version, floor) => (version.localeCompare(floor, 'en', { numeric: true }) < 0 ? floor : version);

const read = (path) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8'));

export function templateVersions() {
  const root = read('package.json');
  const sdk = read('packages/sdk/package.json');
  const apiVersion = /PLUGIN_API_VERSION = '(\d+\.\d+)\.\d+'/.exec(
    readFileSync(fileURLToPath(new URL('../../sdk/src/version.ts', import.meta.url)), 'utf8'),
  )[1];
  return {
    '@maru/sdk': `^${atLeast(sdk.version, FIRST_SDK_OF_API_2)}`,
    zod: `^${sdk.devDependencies.zod}`,
    '@maru/testing': `^${read('packages/testing/package.json').version}`,
    '@maru/cli': `^${read('packages/cli/package.json').version}`,
    '@types/node': root.devDependencies['@types/node'],
    typescript: root.devDependencies.typescript,
    vitest: root.devDependencies.vitest,
    pluginApi: `^${apiVersion}.0`,
  };
}
