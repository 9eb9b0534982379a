import { createPluginProject } from 'create-maru-plugin';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleImports } from '../src/plugin-bundle.js';
import { build, fixturePlugin, PLUGIN_SOURCE, runMaru } from './helpers.js';

const withAssets = (assets: string[]) =>
  PLUGIN_SOURCE().replace(
    "capabilities: ['kv', 'fetch'],",
    `capabilities: ['kv', 'fetch'],\n  assets: ${JSON.stringify(assets)},`,
  );

describe('maru build', () => {
  it('bundles the plugin into one file without imports and writes maru-plugin.json with its manifest', async () => {
    const dir = fixturePlugin({ built: false });
    const run = await runMaru(['build'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Built dist\/plugin\.js \(\d+\.\d KiB\) and maru-plugin\.json: fixture-plugin@1\.0\.0, 0 assets\.\n$/,
    );
    const bundle = join(dir, 'dist/plugin.js');
    expect(await bundleImports(bundle)).toEqual([]);
    // zod and the SDK are inside: the bundle runs from anywhere.
    const { default: plugin } = await import(`${pathToFileURL(bundle).href}?t=${Date.now()}`);
    expect(plugin[Symbol.for('maru.plugin')]).toBe(true);
    const text = readFileSync(join(dir, 'maru-plugin.json'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      api: 2,
      bundle: 'dist/plugin.js',
      manifest: JSON.parse(JSON.stringify(plugin.manifest)),
    });
    expect(JSON.parse(text).manifest).toMatchObject({
      name: 'fixture-plugin',
      compatibility: '^2.0.0',
      capabilities: ['kv', 'fetch'],
    });
    expect((await runMaru(['validate'], dir)).stdout).toContain('No problems found.');
  });

  it('refuses Node built-ins and imports that do not resolve, all in one run, naming file and import, and writes nothing', async () => {
    const dir = fixturePlugin({ built: false, source: `import { read } from './load.js';\n${PLUGIN_SOURCE()}` });
    writeFileSync(
      join(dir, 'src/load.ts'),
      "import { readFileSync } from 'node:fs';\nimport { randomUUID } from 'crypto';\nimport { setTimeout } from 'node:timers/promises';\nimport missing from './missing.js';\nimport pad from 'left-pad-nowhere';\nexport const read = [readFileSync, randomUUID, setTimeout, missing, pad];\n",
    );
    const run = await runMaru(['build'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'Not built:',
        '  ✗ src/load.ts imports "node:fs": plugins run in an isolate without Node APIs; read package files with ctx.assets (list them in the manifest\'s assets)',
        '  ✗ src/load.ts imports "crypto": plugins run in an isolate without Node APIs; use ctx.crypto (random values, SHA-256, Ed25519)',
        '  ✗ src/load.ts imports "node:timers/promises": plugins run in an isolate without Node APIs; wait with ctx.sleep(ms)',
        '  ✗ src/load.ts imports "./missing.js", which cannot be resolved — check the path (and its extension), or remove the import',
        '  ✗ src/load.ts imports "left-pad-nowhere", which cannot be resolved — install it (npm install left-pad-nowhere) or remove the import',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'maru-plugin.json'))).toBe(false);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('refuses a source whose default export is not a plugin, or that does not compile', async () => {
    const dir = fixturePlugin({ built: false, source: 'export default { name: "not a plugin" };\n' });
    expect(build(dir)).toMatchObject({
      code: 1,
      stderr:
        'Not built:\n  ✗ src/index.ts: the default export is not a plugin — write export default definePlugin({ ... }) (from @maru/sdk)\n',
    });
    writeFileSync(join(dir, 'src/index.ts'), 'export default definePlugin({ ;\n');
    expect(build(dir).stderr).toMatch(/✗ src\/index\.ts:1:\d+: .* — fix it, then run maru build again/);
    expect(existsSync(join(dir, 'maru-plugin.json'))).toBe(false);
  });

  it('builds the file package.json "maru.source" names', async () => {
    const dir = fixturePlugin({ built: false, pkg: { maru: { source: './plugin/main.ts' } } });
    const missing = build(dir);
    expect(missing.stderr).toContain(
      '✗ package.json: "maru": { "source" } names plugin/main.ts, which does not exist — fix the path',
    );
    mkdirSync(join(dir, 'plugin'));
    writeFileSync(join(dir, 'plugin/main.ts'), PLUGIN_SOURCE({ greeting: 'Hey' }));
    expect(build(dir).code).toBe(0);
  });

  it('checks the assets — each a file in the package and published — and package.json "main"', async () => {
    const dir = fixturePlugin({
      built: false,
      source: withAssets(['data/streets.json', 'data/missing.json', 'data/linked.json']),
      pkg: { main: './dist/index.js', files: ['dist', 'maru-plugin.json', 'data/streets.json'] },
    });
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/streets.json'), '["Main Street"]');
    symlinkSync('streets.json', join(dir, 'data/linked.json'));
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/fixture-plugin@1\.0\.0, 3 assets \(0\.0 KiB\)\.\n$/);
    expect(run.stderr.split('\n')).toEqual([
      'The package will not load until you fix:',
      '  ✗ src/index.ts: definePlugin → assets: "data/missing.json" does not exist — create the file, or remove it from assets',
      '  ✗ src/index.ts: definePlugin → assets: "data/linked.json" is a symbolic link or lies in a linked folder — hubs refuse links; copy the file into the package',
      '  ✗ package.json: "main" points to ./dist/index.js, not to the bundle — set "main": "./dist/plugin.js"',
      '  ✗ package.json: "files" leaves out data/missing.json, so the published package would lack it — add "data/missing.json" to "files"',
      '  ✗ package.json: "files" leaves out data/linked.json, so the published package would lack it — add "data/linked.json" to "files"',
      '',
    ]);
    // Bundle and manifest agree, so validate names the same problems.
    expect(existsSync(join(dir, 'maru-plugin.json'))).toBe(true);
  });

  it('builds the project create-maru-plugin makes, which then validates', async () => {
    // Inside the repository, so its imports of @maru/sdk find the workspace's package.
    const fixtures = fileURLToPath(new URL('../.test-plugins/', import.meta.url));
    mkdirSync(fixtures, { recursive: true });
    const { dir } = createPluginProject({
      target: 'my-plugin',
      cwd: mkdtempSync(join(fixtures, 'scaffold-')),
      publisher: 'Acme Inc.',
    });
    const run = await runMaru(['build'], dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('and maru-plugin.json: my-plugin@0.1.0, 0 assets.');
    const validated = await runMaru(['validate'], dir);
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toContain('my-plugin 0.1.0 by Acme Inc. (dist/plugin.js)');
    expect(validated.stdout).toContain('No problems found.');
  });

  it('exits with 2 on a wrong command line', async () => {
    const dir = fixturePlugin({ built: false });
    expect((await runMaru(['build', '--minify'], dir)).code).toBe(2);
    expect((await runMaru(['build', '--help'], dir)).stdout).toContain('maru build [folder]');
  });
});
