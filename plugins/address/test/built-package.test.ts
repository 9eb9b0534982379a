import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

// Black-box: what the hub loads is the built module under plain Node, and what
// npm publishes is the `files` list; both must bring the dataset along.
describe('the built package', () => {
  it('finds its bundled dataset when loaded from dist by plain Node', async () => {
    const script = `
      const { default: plugin } = await import('./dist/index.js');
      const op = plugin.services[0].operations.search;
      const result = await op.handler(op.input.parse({ query: 'Teheran-ro', limit: 3 }), {});
      console.log(JSON.stringify({ name: plugin.manifest.name, total: result.total, first: result.addresses[0]?.roadNameEn }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: packageDir });
    expect(JSON.parse(stdout)).toEqual({ name: '@maru/plugin-address', total: expect.any(Number), first: 'Teheran-ro' });
    expect(JSON.parse(stdout).total).toBeGreaterThan(0);
  });

  it('publishes the dataset and the build, not the sources', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir });
    const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['data/addresses.json', 'dist/index.js', 'dist/index.d.ts', 'package.json', 'README.md']));
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  });
});
