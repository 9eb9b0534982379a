import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePlugin, gql, PLUGIN_SOURCE, runMaru, startMaru } from './helpers.js';

const LISTENING = /Maru hub for plugin development: (http:\/\/\S+\/graphql)/;
const keysOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, '.maru-data/dev-keys.json'), 'utf8')) as {
    url: string;
    company: string;
    admin: string;
  };

describe('maru hub', () => {
  it('loads a plugin signed with the local key as a production hub would, and hands out keys to call it', async () => {
    const dir = fixturePlugin();
    const keyId = /with key (\S+): wrote/.exec((await runMaru(['sign'], dir)).stdout)![1]!;
    const hub = startMaru(['hub', '--plugin', '.', '--port', '0', '--log-level', 'silent'], dir);
    try {
      const url = (await hub.waitFor(LISTENING))[1]!;
      await hub.waitFor(/Stop with Ctrl\+C/);
      expect(hub.output()).toContain(`✓ fixture-plugin 1.0.0 from .: signed with ${keyId} (registered on this hub)`);
      expect(hub.output()).toContain('granted: kv, fetch; services: fixture');
      const keys = keysOf(dir);
      expect(keys.url).toBe(url);
      expect(hub.output()).toContain(keys.company);
      expect(
        await gql(url, keys.company, '{ call { fixture { greet(input: { name: "Ada" }) { greeting } } } }'),
      ).toEqual({ data: { call: { fixture: { greet: { greeting: 'Hello, Ada' } } } } });
      expect(
        await gql(url, keys.company, 'mutation { call { fixture { remember(input: { text: "x" }) { saved } } } }'),
      ).toEqual({ data: { call: { fixture: { remember: { saved: true } } } } });
      const plugins = await gql(url, keys.admin, '{ plugins { name status signedBy grantedCapabilities } }');
      expect(plugins.data.plugins).toEqual([
        { name: 'fixture-plugin', status: 'ENABLED', signedBy: keyId, grantedCapabilities: ['kv', 'fetch'] },
      ]);
    } finally {
      expect(await hub.stop()).toBe(0);
    }
  });

  it('loads an unsigned plugin with a warning, and keeps its store across restarts', async () => {
    const dir = fixturePlugin();
    for (const run of [1, 2]) {
      const hub = startMaru(['hub', '--plugin', dir, '--port', '0', '--log-level', 'silent'], dir);
      try {
        const url = (await hub.waitFor(LISTENING))[1]!;
        await hub.waitFor(/Stop with Ctrl\+C/);
        expect(hub.output()).toContain('UNSIGNED — allowed on this local hub only; run maru sign');
        const res = await gql(
          url,
          keysOf(dir).company,
          '{ call { fixture { greet(input: { name: "Ada" }) { greeting } } } }',
        );
        expect(res.data?.call.fixture.greet.greeting, `run ${run}`).toBe('Hello, Ada');
      } finally {
        expect(await hub.stop()).toBe(0);
      }
    }
  });

  it('does not start with a plugin that has problems, and says what to change', async () => {
    const dir = fixturePlugin({ built: false });
    const run = await runMaru(['hub', '--plugin', dir, '--port', '0', '--log-level', 'silent'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The hub was not started:');
    expect(run.stderr).toContain(
      'package.json: "main" points to dist/plugin.js, which does not exist — run npm run build',
    );
    expect((await runMaru(['hub', '--port', 'eighty'], dir)).code).toBe(2);
  });
});

describe('a port already in use', () => {
  it('stops maru hub and maru dev with one line naming --port, exit 1, no stack trace, and the store closed again', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      for (const command of ['hub', 'dev']) {
        const dir = fixturePlugin();
        const run = await runMaru(
          [
            command,
            ...(command === 'hub' ? ['--plugin', '.'] : []),
            '--port',
            String(port),
            '--host',
            '127.0.0.1',
            '--log-level',
            'silent',
          ],
          dir,
        );
        const line = `maru ${command}: port ${port} on 127.0.0.1 is already in use — stop the other process or choose another port with --port (maru ${command} --port ${port + 1})\n`;
        expect(run.code, run.stderr).toBe(1);
        // maru dev prints its build's output before it starts the hub.
        expect(command === 'hub' ? run.stderr : run.stderr.slice(-line.length)).toBe(line);
        expect(run.stdout + run.stderr).not.toMatch(/^ {4}at /m);
        // A SQLite store that was closed leaves no write-ahead log behind.
        expect(readdirSync(join(dir, '.maru-data'))).not.toContain('maru.sqlite-wal');
      }
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});

describe('maru dev', () => {
  it('builds, serves, and rebuilds and reloads the plugin when src/ changes', async () => {
    const dir = fixturePlugin({ built: false });
    const dev = startMaru(['dev', '--port', '0', '--log-level', 'silent'], dir);
    try {
      const url = (await dev.waitFor(LISTENING))[1]!;
      await dev.waitFor(/Watching .*src for changes/);
      const greet = async () =>
        (await gql(url, keysOf(dir).company, '{ call { fixture { greet(input: { name: "Ada" }) { greeting } } } }'))
          .data?.call.fixture.greet.greeting;
      expect(await greet()).toBe('Hello, Ada');

      writeFileSync(join(dir, 'src/index.ts'), PLUGIN_SOURCE({ greeting: 'Hi' }));
      await dev.waitFor(/Reloaded fixture-plugin 1\.0\.0 in \d+ ms/);
      expect(await greet()).toBe('Hi, Ada');

      // A broken build is reported; the last good plugin keeps answering.
      writeFileSync(join(dir, 'src/index.ts'), 'export default definePlugin({ ;\n');
      await dev.waitFor(/Not built:\n {2}✗ src\/index\.ts:1:\d+: .*\n✗ package\.json: the "build" script failed/);
      expect(await greet()).toBe('Hi, Ada');
    } finally {
      expect(await dev.stop()).toBe(0);
    }
  });
});
