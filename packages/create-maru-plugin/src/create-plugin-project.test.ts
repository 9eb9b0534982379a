import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CreateError } from './create-error.js';
import { createPluginProject } from './create-plugin-project.js';

const repo = (path: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8'));
const scratch = () => mkdtempSync(join(tmpdir(), 'create-maru-plugin-'));

describe('createPluginProject', () => {
  it('writes a standalone project depending on the versions this repository releases', () => {
    const cwd = scratch();
    const created = createPluginProject({ target: 'my-plugin', cwd, publisher: 'Acme Inc.' });
    expect(created).toMatchObject({ dir: join(cwd, 'my-plugin'), name: 'my-plugin', serviceKey: 'my-plugin' });
    expect(created.files.sort()).toEqual([
      '.gitignore',
      'README.md',
      'package.json',
      'src/index.ts',
      'test/plugin.test.ts',
      'tsconfig.json',
      'vitest.config.ts',
    ]);
    const pkg = JSON.parse(readFileSync(join(created.dir, 'package.json'), 'utf8'));
    const root = repo('package.json');
    expect(pkg).toMatchObject({
      name: 'my-plugin',
      version: '0.1.0',
      type: 'module',
      main: './dist/plugin.js',
      files: ['dist', 'maru-plugin.json', 'maru-signature.json'],
    });
    // Bundled by maru build: nothing for the hub to provide.
    expect(pkg.peerDependencies).toBeUndefined();
    expect(pkg.dependencies).toBeUndefined();
    const sdkVersion: string = repo('packages/sdk/package.json').version;
    expect(pkg.devDependencies['@maru/sdk']).toBe(
      `^${sdkVersion.localeCompare('0.2.0', 'en', { numeric: true }) < 0 ? '0.2.0' : sdkVersion}`,
    );
    expect(pkg.devDependencies.zod).toBe(`^${repo('packages/sdk/package.json').devDependencies.zod}`);
    expect(pkg.devDependencies.tsup).toBeUndefined();
    expect(pkg.devDependencies).toMatchObject({
      '@maru/testing': `^${repo('packages/testing/package.json').version}`,
      '@maru/cli': `^${repo('packages/cli/package.json').version}`,
      typescript: root.devDependencies.typescript,
      vitest: root.devDependencies.vitest,
    });
    expect(pkg.scripts).toMatchObject({
      build: 'maru build',
      pretest: 'npm run build',
      test: 'vitest run',
      validate: 'maru validate',
      sign: 'maru sign',
      hub: 'maru hub --plugin .',
      dev: 'maru dev',
    });
    expect(pkg.overrides).toBeUndefined();
    const source = readFileSync(join(created.dir, 'src/index.ts'), 'utf8');
    expect(source).toContain("publisher: 'Acme Inc.'");
    expect(source).toContain("key: 'my-plugin'");
    expect(source).toContain("capabilities: ['kv']");
    expect(source).toMatch(/compatibility: '\^2\.\d+\.0'/);
    expect(readFileSync(join(created.dir, 'README.md'), 'utf8')).toContain('no Node APIs');
    expect(readFileSync(join(created.dir, '.gitignore'), 'utf8')).toMatch(/^maru-plugin\.json$/m);
    expect(readFileSync(join(created.dir, 'test/plugin.test.ts'), 'utf8')).toContain(
      '{ call { myPlugin { greet(input: { name: "Ada" }) { greeting } } } }',
    );
    expect(readFileSync(join(created.dir, '.gitignore'), 'utf8')).toMatch(/^\.maru\/$/m);
    for (const file of created.files)
      expect(readFileSync(join(created.dir, file), 'utf8'), file).not.toMatch(/\{\{\w+\}\}/);
  });

  it('points at packed tarballs with --local, everywhere in the tree', () => {
    const cwd = scratch();
    const tarballs = join(cwd, 'tarballs');
    mkdirSync(tarballs);
    for (const file of [
      'maru-sdk-0.1.0.tgz',
      'maru-sdk-0.2.0.tgz',
      'maru-testing-0.1.0.tgz',
      'maru-cli-0.1.0.tgz',
      'maru-core-0.1.0.tgz',
      'maru-hub-0.1.0.tgz',
    ])
      writeFileSync(join(tarballs, file), '');
    const created = createPluginProject({ target: 'local-plugin', cwd, local: 'tarballs' });
    const pkg = JSON.parse(readFileSync(join(created.dir, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['@maru/sdk']).toBe(`file:${join(tarballs, 'maru-sdk-0.2.0.tgz')}`);
    expect(pkg.devDependencies['@maru/cli']).toBe(`file:${join(tarballs, 'maru-cli-0.1.0.tgz')}`);
    expect(pkg.overrides).toEqual({
      '@maru/sdk': `file:${join(tarballs, 'maru-sdk-0.2.0.tgz')}`,
      '@maru/testing': `file:${join(tarballs, 'maru-testing-0.1.0.tgz')}`,
      '@maru/cli': `file:${join(tarballs, 'maru-cli-0.1.0.tgz')}`,
      '@maru/core': `file:${join(tarballs, 'maru-core-0.1.0.tgz')}`,
      '@maru/hub': `file:${join(tarballs, 'maru-hub-0.1.0.tgz')}`,
    });
  });

  it('names the tarball --local lacks', () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'tarballs'));
    writeFileSync(join(cwd, 'tarballs', 'maru-sdk-0.1.0.tgz'), '');
    expect(() => createPluginProject({ target: 'x', cwd, local: 'tarballs' })).toThrow(
      /--local .*tarballs: no maru-testing-<version>\.tgz there — run npm pack --pack-destination/,
    );
  });

  it('makes a scoped package in a folder named after it', () => {
    const cwd = scratch();
    const created = createPluginProject({ target: '@acme/maru-hello', cwd });
    expect(created).toMatchObject({ dir: join(cwd, 'maru-hello'), name: '@acme/maru-hello', serviceKey: 'maru-hello' });
    expect(readFileSync(join(created.dir, 'README.md'), 'utf8')).toContain('call { maruHello {');
  });

  it('refuses a folder that is not empty, and a name npm would refuse', () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'empty'));
    expect(createPluginProject({ target: 'empty', cwd }).files).toContain('package.json');
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine');
    expect(() => createPluginProject({ target: 'taken', cwd })).toThrow(
      new CreateError('taken: the folder exists and is not empty — choose another name, or empty it first'),
    );
    expect(readFileSync(join(cwd, 'taken', 'notes.txt'), 'utf8')).toBe('mine');
    expect(() => createPluginProject({ target: 'My Plugin', cwd })).toThrow(/"My Plugin" is not an npm package name/);
  });
});

describe('the create-maru-plugin command', () => {
  const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));
  const run = (args: string[], cwd: string) =>
    promisify(execFile)(process.execPath, [bin, ...args], { cwd }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout,
        stderr: error.stderr,
      }),
    );

  it('creates the project and says what to run next; exits 1 on a taken folder and 2 without a name', async () => {
    const cwd = scratch();
    const ok = await run(['my-plugin'], cwd);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Created my-plugin in ${join(cwd, 'my-plugin')}.`);
    expect(ok.stdout).toContain('  cd my-plugin\n  npm install\n');
    const taken = await run(['my-plugin'], cwd);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe(
      'create-maru-plugin: my-plugin: the folder exists and is not empty — choose another name, or empty it first\n',
    );
    const usage = await run([], cwd);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm create maru-plugin@latest <folder>');
  });
});
