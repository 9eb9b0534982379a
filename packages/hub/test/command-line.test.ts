import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, tempDir } from './helpers.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built bin to its end, as a user at a shell would. */
function runHub(args: string[], env: Record<string, string> = {}, node = process.execPath): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      node,
      [MAIN, ...args],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', ...env },
        timeout: 45_000,
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const STACK_LINE = /^ {4}at /m;

describe('maru-hub --help, --version and unknown arguments', () => {
  it('prints the usage and exits 0 without starting anything', async () => {
    const dataDir = join(tempDir('maru-help-'), 'data');
    for (const flag of ['--help', '-h']) {
      const run = await runHub([flag], { MARU_DATA_DIR: dataDir, PORT: '0' });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: maru-hub/);
      for (const name of [
        '--demo',
        '--version',
        'PORT',
        'HOST',
        'MARU_DATA_DIR',
        'MONGODB_URI',
        'LOG_LEVEL',
        'MARU_DEMO',
        'MARU_CONFIG',
        'MARU_PLUGINS',
        'docs/reference/configuration.md',
      ]) {
        expect(run.stdout).toContain(name);
      }
      expect(run.stdout).not.toContain('"msg"');
      expect(run.stderr).toBe('');
    }
    expect(existsSync(dataDir)).toBe(false);
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await runHub(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('refuses an unknown flag with exit 2 and one line pointing to --help', async () => {
    const run = await runHub(['--frobnicate'], { MARU_DATA_DIR: tempDir('maru-flag-') });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'maru-hub: unknown option "--frobnicate"; run maru-hub --help to see the options.\n',
    });
  });
});

describe('a port that is already in use', () => {
  let taken: Server;
  let port: number;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('is one line on stderr naming the port and PORT, exit 1, no stack trace, and the store closed again', async () => {
    const dataDir = tempDir('maru-port-');
    const run = await runHub([], { MARU_DATA_DIR: dataDir, PORT: String(port) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `maru-hub: port ${port} on 127.0.0.1 is already in use — stop the other process or set PORT to another port (PORT=${port + 1} npm start)\n`,
    );
    expect(run.stderr + run.stdout).not.toMatch(STACK_LINE);
    expect(run.stdout).not.toContain('Maru hub listening');
    // The store was opened before the port was tried; a closed SQLite store leaves no write-ahead log behind.
    expect(readdirSync(dataDir)).toContain('maru.sqlite');
    expect(readdirSync(dataDir)).not.toContain('maru.sqlite-wal');
  });
});

// The system Node of a machine that has not moved to Node 24 yet.
const OLD_NODE = '/usr/bin/node';
const oldNodeVersion = existsSync(OLD_NODE)
  ? execFileSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  : null;
const oldNodeMajor = oldNodeVersion ? Number(oldNodeVersion.split('.')[0]) : null;

describe.skipIf(oldNodeMajor === null || oldNodeMajor >= 24)(
  `on Node older than 24 (${OLD_NODE}, ${oldNodeVersion ?? 'missing'}; skipped when it is missing or already 24+)`,
  () => {
    it('says in one line which Node it needs, and exits 1', async () => {
      const run = await runHub(['--demo'], { MARU_DATA_DIR: tempDir('maru-old-node-'), PORT: '0' }, OLD_NODE);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `maru-hub needs Node.js 24 or newer (this is ${oldNodeVersion}). Run it through npm start or npm exec -- node …, which use the Node 24 this repository installs, or install Node 24 LTS.\n`,
      );
    });
  },
);

const SCRIPT = '/usr/bin/script';

describe.skipIf(!existsSync(SCRIPT))(`at a terminal (a pseudo-terminal from ${SCRIPT}; skipped without it)`, () => {
  it('prints a banner with the portal, GraphiQL, sign-in, the data folder and Ctrl+C after the ready line', async () => {
    const dataDir = tempDir('maru-tty-');
    // script runs the hub with a terminal as stdout and copies what it shows to our pipe.
    const child = spawn(SCRIPT, ['-qfec', `exec '${process.execPath}' '${MAIN}' --demo`, '/dev/null'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HOST: '127.0.0.1',
        PORT: '0',
        MARU_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner within 45 s:\n${out}`)), 45_000);
        child.stdout!.on('data', () => {
          if (out.includes('Press Ctrl+C to stop.')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const text = out.replace(/\r\n/g, '\n');
    const base = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(text)![1]!;
    expect(text.indexOf('Maru hub is ready (demo mode)')).toBeGreaterThan(text.indexOf('"msg":"Maru hub listening"'));
    expect(text).toContain(`  GraphiQL   ${base}/graphql\n`);
    expect(text).toContain(`  Data       ${dataDir} (embedded store)\n`);
    expect(text).toContain('demoLogin(email: "admin@maru.example")');
    // The portal line depends on whether the portal is built here; sign-in goes with a built one.
    if (text.includes(`  Portal     ${base}/\n`))
      expect(text).toContain(`  Sign in    ${base}/sign-in lists the demo members`);
    else expect(text).toContain('  Portal     not built: run npm run build -w @maru/portal');
  });
});
