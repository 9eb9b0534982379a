import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

// Black-box: the hub loads the built module under plain Node, in a worker with only ctx to lean on.
describe('the built package', () => {
  it('loads under plain Node with the same manifest', async () => {
    const script = `
      const { default: plugin } = await import('./dist/index.js');
      console.log(JSON.stringify(plugin.manifest));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: packageDir });
    expect(JSON.parse(stdout)).toEqual(plugin.manifest);
  });
});
