import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What `npm start` runs: the hub's own bin, in this folder, so it reads maru.config.json and loads the bundle ./dist/plugin.js.
const require = createRequire(import.meta.url);
const hubPackage = require.resolve('@maru/hub/package.json');
const hubBin = join(
  dirname(hubPackage),
  (JSON.parse(readFileSync(hubPackage, 'utf8')) as { bin: Record<string, string> }).bin['maru-hub']!,
);
const here = fileURLToPath(new URL('..', import.meta.url));

async function gql(url: string, query: string, key?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

describe('the built plugin in a demo hub (npm start)', () => {
  let url: string;
  let stop: () => void;
  beforeAll(async () => {
    const child = spawn(process.execPath, [hubBin, '--demo'], {
      cwd: here,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        MARU_DATA_DIR: mkdtempSync(join(tmpdir(), 'acme-plugin-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stop = () => child.kill('SIGTERM');
    let out = '';
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL'); // never leave a hub behind
        reject(new Error(`the hub did not start in 50 s:\n${out}`));
      }, 50_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const listening = /"url":"(http:\/\/[^"]+)".*"msg":"Maru hub listening"/.exec(out);
        if (listening) {
          clearTimeout(timer);
          resolve(listening[1]!);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the hub exited with ${code}:\n${out}`));
      });
    });
    expect(out).toMatch(
      /"plugin":"@acme\/maru-business-status","version":"1\.0\.0","isolation":"ISOLATE".*"msg":"plugin enabled"/,
    );
  }, 60_000);
  afterAll(() => stop?.());

  it('lists the service and answers a test key from the sandbox, with plugin codes namespaced', async () => {
    const login = await gql(url, 'mutation { demoLogin(email: "dev@hanbit.example") { secret } }');
    const live: string = login.data.demoLogin.secret;
    const created = await gql(
      url,
      'mutation { createApiKey(input: { name: "sandbox", scopes: [READ], mode: TEST }) { secret } }',
      live,
    );
    const test: string = created.data.createApiKey.secret;

    const catalogue = await gql(url, '{ services { nodes { key plugin { name } } } }');
    expect(catalogue.data.services.nodes).toEqual([
      { key: 'business-status', plugin: { name: '@acme/maru-business-status' } },
    ]);

    const answer = await gql(
      url,
      '{ call { businessStatus { checkStatus(input: { registrationNumber: "105-87-12345" }) { status name closedOn source } } } }',
      test,
    );
    expect(answer).toEqual({
      data: {
        call: {
          businessStatus: {
            checkStatus: { status: 'CLOSED', name: '세종식당 Sejong Diner', closedOn: '2025-12-31', source: 'sandbox' },
          },
        },
      },
    });

    const mistyped = await gql(
      url,
      '{ call { businessStatus { checkStatus(input: { registrationNumber: "105-87-12340" }) { status } } } }',
      test,
    );
    expect(mistyped.errors?.[0]?.extensions?.code).toBe('PLUGIN_ACME_MARU_BUSINESS_STATUS_INVALID_REGISTRATION_NUMBER');
  });
});
