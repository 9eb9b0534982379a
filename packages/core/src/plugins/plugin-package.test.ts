import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPluginPackage } from './plugin-package.js';

const root = mkdtempSync(join(tmpdir(), 'maru-plugin-package-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A package of API 2 with the given package.json files and manifest assets, and those files on disk. */
function pkg(
  name: string,
  files: string[],
  assets: string[],
  onDisk: Record<string, string> = {},
): { dir: string; entry: string } {
  const dir = join(root, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', files }));
  writeFileSync(join(dir, 'dist/plugin.js'), 'export default {};');
  writeFileSync(
    join(dir, 'maru-plugin.json'),
    JSON.stringify({ api: 2, bundle: 'dist/plugin.js', manifest: { name, assets } }),
  );
  for (const [path, text] of Object.entries(onDisk)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, entry: join(dir, 'dist/plugin.js') };
}

describe('readPluginPackage', () => {
  it('reads the bundle and the assets package.json files publishes, globs included', () => {
    const { dir, entry } = pkg('globbed', ['dist', 'data/*.json'], ['data/a.json'], { 'data/a.json': '{"a":1}' });
    const read = readPluginPackage(dir, entry);
    expect(read.api).toBe(2);
    if (read.api !== 2) return;
    expect(read.bundle).toBe('export default {};');
    expect(new TextDecoder().decode(read.assets['data/a.json'])).toBe('{"a":1}');
  });

  it('refuses an asset npm would not publish, naming it and the fix', () => {
    const { dir, entry } = pkg('unpublished', ['dist'], ['data/a.json'], { 'data/a.json': '{}' });
    expect(readPluginPackage(dir, entry)).toEqual({
      api: null,
      problem: 'assets.0: data/a.json is not in package.json files; add it so it is published',
    });
  });

  it('refuses a link anywhere in the package, and an entry that is not the bundle', () => {
    const linked = pkg('linked', ['dist'], []);
    symlinkSync('/etc/hostname', join(linked.dir, 'dist', 'hostname'));
    expect(readPluginPackage(linked.dir, linked.entry)).toMatchObject({
      api: null,
      problem: expect.stringMatching(/dist\/hostname is a symbolic link/),
    });
    const other = pkg('other-entry', ['dist'], [], { 'dist/other.js': '' });
    expect(readPluginPackage(other.dir, join(other.dir, 'dist/other.js'))).toMatchObject({
      api: null,
      problem: expect.stringMatching(/is not the bundle dist\/plugin.js/),
    });
  });

  it('refuses assets that climb out of the package or are missing', () => {
    const climbing = pkg('climbing', ['dist', '..'], ['../secret.txt']);
    expect(readPluginPackage(climbing.dir, climbing.entry)).toMatchObject({
      api: null,
      problem: expect.stringMatching(/not a path inside the package/),
    });
    const missing = pkg('missing', ['dist', 'data'], ['data/gone.json']);
    expect(readPluginPackage(missing.dir, missing.entry)).toMatchObject({
      api: null,
      problem: expect.stringMatching(/data\/gone.json is missing/),
    });
  });

  it('says API 1 for a package without maru-plugin.json', () => {
    const dir = join(root, 'legacy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(readPluginPackage(dir, join(dir, 'index.mjs'))).toEqual({ api: 1 });
  });
});
