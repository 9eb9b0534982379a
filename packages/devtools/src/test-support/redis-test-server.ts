import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { spawnProcess, type SpawnedProcess } from './spawn-process.js';

/** Debian's `redis-server` (`apt-get install redis-server`), or `REDIS_SERVER` when set. */
export function redisServerBinary(): string | null {
  const candidates = [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/**
 * Whether the Redis suites can run. Under CI they must: without `redis-server` this throws. Elsewhere they are
 * skipped with one line saying how to run them.
 */
export function redisAvailable(suite: string): boolean {
  if (redisServerBinary()) return true;
  if (process.env.CI)
    throw new Error(
      `redis-server is not installed, but CI=true: the Redis suite "${suite}" must run in CI ` +
        `(.ci/run installs Debian's redis-server).`,
    );
  console.info(`[${suite}] skipped: redis-server is not installed (apt-get install redis-server).`);
  return false;
}

export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, then SIGKILL); its data is gone — it keeps nothing on disk. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** The server's output, for failure messages. */
  output(): string;
}

/**
 * A real Redis on a free 127.0.0.1 port, with no persistence (`--save '' --appendonly no`): each test run starts from
 * an empty server, and `stop` / `start` let a test take it away and bring it back on the same address.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const binary = redisServerBinary();
  if (!binary) throw new Error('redis-server is not installed (apt-get install redis-server)');
  const port = await freePort();
  let server: SpawnedProcess | null = null;
  const log: string[] = [];
  const start = async () => {
    if (server) return;
    const started = spawnProcess({
      name: 'redis-server',
      node: binary,
      args: [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--loglevel',
        'warning',
      ],
      env: { PATH: process.env.PATH ?? '' },
      killAfterMs: 5_000,
    });
    server = started;
    await waitForPort(port, started);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      const running = server;
      server = null;
      if (!running) return;
      log.push(running.output());
      await running.stop();
    },
    start,
    output: () => [...log, server?.output() ?? ''].join('\n'),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Waits until this server answers on `port` (it prints nothing at loglevel warning): `INFO server` must name the
 * child's own process id — after a `stop`, another test process may have started its Redis on the freed port, and
 * answering PING is not proof that the port is ours.
 */
async function waitForPort(port: number, server: SpawnedProcess): Promise<void> {
  const { Socket } = await import('node:net');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve, reject) => {
      const socket = new Socket();
      socket.setTimeout(500);
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.connect(port, '127.0.0.1', () => {
        socket.write('INFO server\r\n');
        let answer = '';
        socket.on('data', (data) => {
          answer += data.toString();
          const pid = /process_id:(\d+)/.exec(answer)?.[1];
          if (!pid) return;
          socket.destroy();
          if (Number(pid) !== server.child.pid)
            reject(new Error(`port ${port} is held by another Redis (process ${pid}), not the one started here`));
          else resolve(true);
        });
      });
    });
    if (ok) return;
    if (server.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`redis-server did not start on port ${port}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
