import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const PORTAL_DIST = join(here, '..', 'dist');
export const HUB_MAIN = join(here, '..', '..', 'hub', 'dist', 'main.js');

export interface RunningHub {
  /** e.g. http://127.0.0.1:41234 — the portal at /, GraphQL at /graphql. */
  origin: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts the built hub in demo mode on a free port, with a fresh data folder, serving a copy of this package's built portal. */
export async function startHub(): Promise<RunningHub> {
  for (const [what, path] of [
    ['the hub (npx turbo run build --filter=@maru/hub)', HUB_MAIN],
    ['the portal (npm run build -w @maru/portal)', join(PORTAL_DIST, 'index.html')],
  ] as const) {
    if (!existsSync(path)) throw new Error(`Build ${what} first: ${path} is missing.`);
  }
  // A copy: a build running meanwhile (the checkout is shared) must not swap the files under the browser.
  const portal = mkdtempSync(join(tmpdir(), 'maru-portal-dist-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'maru-portal-e2e-'));
  cpSync(PORTAL_DIST, portal, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, [HUB_MAIN, '--demo'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MARU_DATA_DIR: dataDir,
      MARU_PORTAL_DIR: portal,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /"url":"(http:\/\/[^"]+)\/graphql".*"msg":"Maru hub listening"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited with ${code}:\n${output}`));
    });
  });
  return {
    origin: url,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      for (const dir of [portal, dataDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads state over GraphQL, to assert what the UI did (never to do it). */
export async function graphql<T>(
  origin: string,
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}
