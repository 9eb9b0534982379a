import { appendFileSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePlugin, runMaru } from './helpers.js';

const LEGACY =
  'dist/index.js: plugin API 1 (worker threads): hubs load it only when their operator allows legacy plugins (MARU_PLUGIN_LEGACY_WORKERS=1); rebuild with maru build against @maru/sdk 0.2 and compatibility "^2.0.0"';

/** Each refusal, in a folder of its own: what to do to a built plugin, and the line validate and pack print. */
const REFUSALS: Array<{ name: string; spoil: (dir: string) => void; problem: string | RegExp }> = [
  {
    name: 'a symbolic link in the published files',
    spoil: (dir) => symlinkSync('../src/index.ts', join(dir, 'dist', 'source.js')),
    problem:
      'dist/source.js: a symbolic link in the published files — npm leaves links out of the package and hubs refuse them; copy the file in instead',
  },
  {
    name: "a maru-plugin.json whose manifest is not the bundle's",
    spoil: (dir) => {
      const file = JSON.parse(readFileSync(join(dir, 'maru-plugin.json'), 'utf8'));
      file.manifest.capabilities = ['kv'];
      writeFileSync(join(dir, 'maru-plugin.json'), JSON.stringify(file, null, 2));
    },
    problem:
      'maru-plugin.json: its manifest (at capabilities.1) differs from what dist/plugin.js says — hubs refuse the package; run maru build again',
  },
  {
    name: 'a bundle that imports',
    // Hoisted as any import is; and one loaded later, which no pattern on the first line would see.
    spoil: (dir) =>
      appendFileSync(
        join(dir, 'dist', 'plugin.js'),
        '\nimport "node:fs";\nexport const later = () => import("node:child_process");\n',
      ),
    problem:
      'dist/plugin.js: imports "node:fs", "node:child_process", but a plugin runs in an isolate with no modules to import',
  },
  {
    name: 'a bundle over 4 MiB',
    spoil: (dir) => appendFileSync(join(dir, 'dist', 'plugin.js'), `\n/* ${'x'.repeat(4 * 1024 * 1024)} */\n`),
    problem: /✗ dist\/plugin\.js: \d+\.\d KiB, more than the 4 MiB a hub loads — drop large dependencies/,
  },
  {
    name: 'a published file outside "files"',
    spoil: (dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      writeFileSync(join(dir, 'tool.js'), '#!/usr/bin/env node\n');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, bin: { tool: './tool.js' } }, null, 2));
    },
    problem: 'tool.js: published although package.json "files" does not list it',
  },
];

describe('maru validate and maru pack on a plugin API 2 package', () => {
  for (const refusal of REFUSALS) {
    it(`refuse ${refusal.name}, naming the file and the fix`, async () => {
      const dir = fixturePlugin();
      // Signed first: pack then refuses for the spoiled package, not for a missing signature.
      expect((await runMaru(['sign'], dir)).code).toBe(0);
      refusal.spoil(dir);
      for (const command of ['validate', 'pack']) {
        const run = await runMaru([command], dir);
        expect(run.code, `${command}: ${run.stderr}`).toBe(1);
        if (typeof refusal.problem === 'string') expect(run.stderr).toContain(`✗ ${refusal.problem}`);
        else expect(run.stderr).toMatch(refusal.problem);
      }
      expect(existsSync(join(dir, 'fixture-plugin-1.0.0.tgz'))).toBe(false);
    });
  }

  it('refuse a maru-plugin.json that is not JSON, or not for plugin API 2', async () => {
    const dir = fixturePlugin();
    writeFileSync(join(dir, 'maru-plugin.json'), '{ "api": 2,');
    expect((await runMaru(['validate'], dir)).stderr).toMatch(
      /✗ maru-plugin\.json: not valid JSON \(.*\) — run maru build again/,
    );
    writeFileSync(join(dir, 'maru-plugin.json'), JSON.stringify({ api: 3, bundle: 'dist/plugin.js', manifest: {} }));
    const run = await runMaru(['pack'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '✗ maru-plugin.json: "api" is 3, this CLI builds and checks plugin API 2 — run maru build again',
    );
  });

  it('refuse a symbolic link in a plugin API 1 package too', async () => {
    const dir = fixturePlugin({ api: 1 });
    symlinkSync('/etc/hostname', join(dir, 'dist', 'hostname'));
    const run = await runMaru(['validate'], dir, { MARU_PLUGIN_LEGACY_WORKERS: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✗ dist/hostname: a symbolic link in the published files');
  });
});

describe('a plugin API 1 package (worker threads)', () => {
  it('is a problem, as a default hub refuses it, and a warning where legacy plugins are allowed', async () => {
    const dir = fixturePlugin({ api: 1 });
    const refused = await runMaru(['validate'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`✗ ${LEGACY}`);
    const allowed = await runMaru(['validate'], dir, { MARU_PLUGIN_LEGACY_WORKERS: '1' });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toBe(`Warning: ${LEGACY}\n`);
  });

  it('built for plugin API 2 without maru build is told to use it', async () => {
    const dir = fixturePlugin({
      api: 1,
      source: readFileSync(join(fixturePlugin({ built: false }), 'src/index.ts'), 'utf8'),
    });
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '✗ dist/index.js: built for plugin API 2 but there is no maru-plugin.json — build it with maru build',
    );
  });
});
