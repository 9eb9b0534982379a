import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

// Black-box: the hub loads the built module under plain Node, in a worker with only ctx to lean on.
describe('the built package', () => {
  it('loads under plain Node with the same manifest, and issues a certificate it verifies', async () => {
    const script = `
      const { default: plugin } = await import('./dist/index.js');
      const store = new Map();
      const ctx = {
        mode: 'live', caller: { organizationId: 'org-1', memberId: null }, signal: new AbortController().signal,
        log: { debug() {}, info() {}, warn() {}, error() {} },
        kv: { get: async (k) => store.get(k), set: async (k, v) => void store.set(k, structuredClone(v)), delete: async (k) => store.delete(k) },
      };
      const { issue, verify } = plugin.services[0].operations;
      const certificate = await issue.handler(issue.input.parse({ kind: 'RESIDENCE_CERTIFICATE', subject: { name: '이마루', birthDate: '1990-03-01', address: '세종특별자치시 다솜로 130' } }), ctx);
      const checked = await verify.handler(verify.input.parse({ certificate: JSON.parse(JSON.stringify(certificate)) }), ctx);
      console.log(JSON.stringify({ manifest: plugin.manifest, checked }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: packageDir });
    const { manifest, checked } = JSON.parse(stdout) as { manifest: unknown; checked: unknown };
    expect(manifest).toEqual(plugin.manifest);
    expect(checked).toEqual({ valid: true, message: expect.any(String) });
  });
});
