// The versions a new plugin project starts with, read from this repository when the scaffolder
// is built (and in its tests), so a published scaffolder names the packages released with it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const read = (path) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8'));

export function templateVersions() {
  const root = read('package.json');
  const sdk = read('packages/sdk/package.json');
  const apiVersion = /PLUGIN_API_VERSION = '(\d+\.\d+)\.\d+'/.exec(readFileSync(fileURLToPath(new URL('../../sdk/src/version.ts', import.meta.url)), 'utf8'))[1];
  return {
    '@maru/sdk': `^${sdk.version}`,
    zod: `^${sdk.devDependencies.zod}`,
    '@maru/testing': `^${read('packages/testing/package.json').version}`,
    '@maru/cli': `^${read('packages/cli/package.json').version}`,
    '@types/node': root.devDependencies['@types/node'],
    tsup: root.devDependencies.tsup,
    typescript: root.devDependencies.typescript,
    vitest: root.devDependencies.vitest,
    pluginApi: `^${apiVersion}.0`,
  };
}
