import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePlugin, PLUGIN_SOURCE, runMaru } from './helpers.js';

describe('maru validate', () => {
  it('prints what the plugin contributes and asks for, in plain words', async () => {
    const dir = fixturePlugin();
    const run = await runMaru(['validate'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('fixture-plugin 1.0.0 by Fixture Inc. (dist/plugin.js)');
    expect(run.stdout).toContain('plugin API: built for ^2.0.0; this hub implements 2.0.0');
    expect(run.stdout).toContain('service fixture (Fixture): greet (query), remember (mutation)');
    expect(run.stdout).toContain('- reads and writes its own key/value storage');
    expect(run.stdout).toContain('- calls https://api.example.com');
    expect(run.stdout).toContain('signature: not signed — run maru sign');
    expect(run.stdout).toContain('No problems found.');
  });

  it('takes the folder as an argument', async () => {
    const dir = fixturePlugin();
    expect((await runMaru(['validate', dir], '/')).code).toBe(0);
  });

  it('names package.json and the command when the plugin is not built', async () => {
    const dir = fixturePlugin({ built: false });
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'package.json: "main" points to dist/plugin.js, which does not exist — run npm run build',
    );
  });

  it('names package.json when there is none, or no entry', async () => {
    const dir = fixturePlugin();
    rmSync(join(dir, 'package.json'));
    expect((await runMaru(['validate'], dir)).stderr).toMatch(
      /package\.json: not found in .* — run maru in the plugin's folder/,
    );
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'fixture-plugin', version: '1.0.0', type: 'module' }),
    );
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('package.json: no "main" — set "main": "./dist/plugin.js" (the bundle)');
    rmSync(join(dir, 'maru-plugin.json'));
    expect((await runMaru(['validate'], dir)).stderr).toContain(
      'package.json: no "main" or "exports" — add "main": "./dist/plugin.js" and build with maru build',
    );
  });

  it('names the source when the default export is not a plugin', async () => {
    const dir = fixturePlugin({ api: 1, source: 'export default { name: "not a plugin" };\n' });
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'dist/index.js: the default export is not a plugin — in src/index.ts, write export default definePlugin({ ... })',
    );
  });

  it('names the source when the build does not load', async () => {
    const dir = fixturePlugin({ api: 1, source: 'export default definePlugin({ ;\n' });
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/dist\/index\.js: failed to load: .* — fix the error, rebuild and try again/);
  });

  it('reports every manifest problem with the field and what to change', async () => {
    const dir = fixturePlugin({
      source: PLUGIN_SOURCE({ key: 'Not_Kebab', compatibility: '^3.0.0', name: 'other-name', version: '2.0.0' }),
    });
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('4 problems found:');
    expect(run.stderr).toContain(
      'src/index.ts: definePlugin → services.0.key: use a kebab-case key such as "address-lookup"',
    );
    expect(run.stderr).toContain(
      'src/index.ts: definePlugin → compatibility: "^3.0.0" does not accept this hub\'s plugin API 2.0.0 — use a range such as "^2.0.0"',
    );
    expect(run.stderr).toContain(
      'package.json: "name" is "fixture-plugin" but definePlugin in src/index.ts says "other-name" — make them the same',
    );
    expect(run.stderr).toContain('package.json: "version" is "1.0.0" but definePlugin in src/index.ts says "2.0.0"');
  });

  it('checks what npm would publish', async () => {
    const dir = fixturePlugin({ pkg: { files: ['README.md'] } });
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'package.json: "files" leaves out dist/plugin.js, so the published package would not hold the plugin — add "dist" to "files"',
    );
    expect(run.stderr).toContain(
      'package.json: "files" leaves out maru-plugin.json, so the published package would lack it — add "maru-plugin.json" to "files"',
    );
  });

  it('exits with 2 and the usage on a wrong command line', async () => {
    const dir = fixturePlugin();
    const unknownOption = await runMaru(['validate', '--strict'], dir);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("maru validate: Unknown option '--strict'");
    expect(unknownOption.stderr).toContain('maru validate [folder]');
    const twoFolders = await runMaru(['validate', 'a', 'b'], dir);
    expect(twoFolders.code).toBe(2);
    const unknownCommand = await runMaru(['publish'], dir);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('maru: unknown command "publish"');
    expect((await runMaru([], dir)).code).toBe(2);
    expect((await runMaru(['--help'], dir)).code).toBe(0);
    expect((await runMaru(['--version'], dir)).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
