import { spawnAndWait, type StartedProcess } from '@maru/devtools/test-support';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, key?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      data?: T;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    },
  };
}

export type HubProcess = StartedProcess & { url: string };

/** Starts the built hub as a real child process on a free port and waits until it listens. */
export async function spawnHub(env: Record<string, string>, args: string[] = []): Promise<HubProcess> {
  const hub = await spawnAndWait({
    name: 'the hub',
    args: [MAIN, ...args],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
    waitFor: /"url":"(?<url>http:\/\/[^"]+)".*"msg":"Maru hub listening"/,
  });
  return Object.assign(hub, { url: hub.url! });
}
