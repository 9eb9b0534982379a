import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listedInFiles, publishedOutsideFiles, symlinksInPackage } from './package-files.js';

describe('listedInFiles', () => {
  it('reads package.json "files" as npm does: files, folders with all they hold, globs; no list is everything', () => {
    const files = ['./dist/', 'maru-plugin.json', 'data/*.json'];
    expect(listedInFiles(files, 'dist/plugin.js')).toBe(true);
    expect(listedInFiles(files, 'dist/deep/x.js')).toBe(true);
    expect(listedInFiles(files, 'maru-plugin.json')).toBe(true);
    expect(listedInFiles(files, 'data/streets.json')).toBe(true);
    expect(listedInFiles(files, 'data/raw/streets.json')).toBe(false);
    expect(listedInFiles(files, 'distant.js')).toBe(false);
    expect(listedInFiles(undefined, 'anything')).toBe(true);
  });

  it('lets npm\'s always-published files pass, not a "bin" file outside the list', () => {
    expect(
      publishedOutsideFiles(
        ['dist'],
        ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json', 'dist/plugin.js', 'bin/tool.js'],
      ),
    ).toEqual(['bin/tool.js']);
  });
});

describe('symlinksInPackage', () => {
  it('finds links to files and folders where npm would publish, not in node_modules or unpublished folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maru-links-'));
    for (const folder of ['dist/deep', 'node_modules/x', 'src']) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, 'dist/plugin.js'), '');
    symlinkSync('/etc/hostname', join(dir, 'dist/deep/host'));
    symlinkSync('../src', join(dir, 'dist/src'));
    symlinkSync('/etc/hostname', join(dir, 'node_modules/x/host'));
    symlinkSync('../dist', join(dir, 'src/dist'));
    expect(symlinksInPackage(dir, ['dist'])).toEqual(['dist/deep/host', 'dist/src']);
    expect(symlinksInPackage(dir, undefined)).toEqual(['dist/deep/host', 'dist/src', 'src/dist']);
  });
});
