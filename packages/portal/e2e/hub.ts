import { spawnAndWait, spawnProcess } from '@maru/devtools/test-support';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const PORTAL_DIST = join(here, '..', 'dist');
export const HUB_MAIN = join(here, '..', '..', 'hub', 'dist', 'main.js');

export interface RunningHub {
  /** e.g. http://127.0.0.1:41234 — the portal at /, GraphQL at /graphql. */
  origin: string;
  /** The hub's MARU_DATA_DIR (the demo leaves files there, e.g. the pilot's signed package). */
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

export interface StartHubOptions {
  /** A demo hub (seeded members, `POST /auth/demo`); false starts it as in production. Default true. */
  demo?: boolean;
  /** More environment for the hub (e.g. its OIDC settings). */
  env?: Record<string, string>;
  /** The port (0: any free one). */
  port?: number;
  /** Run `maru-hub setup <setup…>` on the fresh data folder first (the first platform admin of a production hub). */
  setup?: string[];
}

/** Starts the built hub (in demo mode unless told otherwise) on a free port, with a fresh data folder, serving a copy of this package's built portal. */
export async function startHub({ demo = true, env = {}, port = 0, setup }: StartHubOptions = {}): Promise<RunningHub> {
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
  const cleanUp = () => {
    for (const dir of [portal, dataDir]) rmSync(dir, { recursive: true, force: true });
  };
  const hubEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    MARU_DATA_DIR: dataDir,
    MARU_PORTAL_DIR: portal,
    // Plain HTTP on 127.0.0.1: the session cookie cannot be Secure here.
    MARU_SESSION_COOKIE_SECURE: 'false',
    ...env,
  };
  if (setup) {
    const run = spawnProcess({ name: 'maru-hub setup', args: [HUB_MAIN, 'setup', ...setup], env: hubEnv });
    if ((await run.exited) !== 0) {
      cleanUp();
      throw new Error(`maru-hub setup failed: ${run.stderr()}`);
    }
  }
  const hub = await spawnAndWait({
    name: 'the hub',
    args: demo ? [HUB_MAIN, '--demo'] : [HUB_MAIN],
    env: hubEnv,
    waitFor: /"url":"(?<url>http:\/\/[^"]+)\/graphql".*"msg":"Maru hub listening"/,
    timeoutMs: 30_000,
  }).catch((error: unknown) => {
    cleanUp();
    throw error;
  });
  return {
    origin: hub.url!,
    dataDir,
    output: hub.output,
    stop: async () => {
      await hub.stop();
      cleanUp();
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

/** A port free on 127.0.0.1 now: for a hub whose public URL must be known before it starts (OIDC redirect URI). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
