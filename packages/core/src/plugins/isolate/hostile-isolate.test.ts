/**
 * The hostile suite for plugins of API 2: a plugin bundle (fixtures/hostile-isolate.mjs) tries
 * one way out of its isolate per call, called through the hub with a TEST key. Each test passes
 * only when the attempt fails AND the hub's side is clean: canary listeners not reached, the
 * store's API keys and domain unchanged, no secret of the hub's environment in any answer or log
 * line, no plugin event published. After each test the evidence is checked again.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubLogger } from '../../logger.js';
import { createSqliteStore } from '../../store/sqlite/sqlite-store.js';
import { createTestHub, storedTables, type GraphQLResponse, type TestHub } from '../../testing/test-hub.js';
import { NO_HITS, startCanaries, storeEvidence, type Canaries } from '../fixtures/canaries.js';
import { bundledFixture } from '../fixtures/bundle-fixture.js';
import { PluginFence } from '../fence/plugin-fence.js';
import { isolatedVmBinary } from './isolated-vm-binary.js';

const HOSTILE = '@maru-test/hostile-isolate';
const VICTIM = '@maru-test/misbehaving';
const DECLARED_PORT = 41733;
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

const logLines: Array<{ fields: Record<string, unknown>; message?: string }> = [];
const logger: HubLogger = {
  debug: (fields, message) => void logLines.push({ fields: fields as Record<string, unknown>, message }),
  info: (fields, message) => void logLines.push({ fields: fields as Record<string, unknown>, message }),
  warn: (fields, message) => void logLines.push({ fields: fields as Record<string, unknown>, message }),
  error: (fields, message) => void logLines.push({ fields: fields as Record<string, unknown>, message }),
  child: () => logger,
};

/** The isolate host's process id: the hub's child started with --allow-addons. */
function isolateHostPid(): number | null {
  const out = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
  const line = out.split('\n').find((l) => l.includes('--allow-addons') && l.includes('plugin-fence.js'));
  return line ? Number(line.trim().split(/\s+/)[0]) : null;
}

describe('a hostile plugin in an isolate, called through the hub', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maru-hostile-isolate-'));
  const socketPath = join(dir, 'canary.sock');
  const secret = `canary-${randomBytes(16).toString('hex')}`;
  const previousSecret = process.env.MARU_SECRET_CANARY;
  let canaries: Canaries;
  let canaryUrl = '';
  let hub: TestHub;
  let testKey = '';
  const answers: GraphQLResponse[] = [];
  const published: string[] = [];

  const call = async (operation: string, input: unknown) => {
    const res = await hub.gql(
      `query($o: String!, $i: JSON) { serviceQuery(service: "hostile-isolate", operation: $o, input: $i) }`,
      { o: operation, i: input },
      testKey,
    );
    answers.push(res);
    return res;
  };
  const attempt = (name: string, arg?: string) => call('attempt', { name, arg });
  /** The plugin reports the attempt refused, or the call ends with one of `codes`. */
  const expectRefusal = async (name: string, arg?: string, codes: string[] = []) => {
    const res = await attempt(name, arg);
    const error = res.errors?.[0];
    if (error)
      expect(codes, `${name} ended with ${String(error.extensions?.code)}: ${error.message}`).toContain(
        error.extensions?.code,
      );
    else expect(res.data.serviceQuery.outcome, `${name}: ${res.data.serviceQuery.detail}`).toBe('refused');
    return res;
  };
  const echo = async () =>
    (
      await hub.gql(
        'query { serviceQuery(service: "misbehaving", operation: "echo", input: { text: "still here" }) }',
        {},
        testKey,
      )
    ).data?.serviceQuery;
  const evidence = () => storeEvidence(hub);
  const denials = (targetId?: string) =>
    hub.services.audit.countEvents({ action: 'plugin.capabilityDenied', ...(targetId ? { targetId } : {}) });
  let baseline: Awaited<ReturnType<typeof evidence>>;

  beforeAll(async () => {
    process.env.MARU_SECRET_CANARY = secret;
    canaries = await startCanaries(socketPath);
    await canaries.declare('127.0.0.1', DECLARED_PORT);
    canaryUrl = canaries.url;
    const hostile = bundledFixture('hostile-isolate.mjs', {
      files: { 'data/hello.txt': '안녕, maru', 'data/config.json': '{"regions":["11","26"]}' },
    });
    hub = await createTestHub({
      logger,
      store: createSqliteStore({ dataDir: dir }),
      plugins: [
        { entry: hostile, capabilities: ['kv', 'fetch', 'events:emit'] },
        { entry: bundledFixture('test-plugin.mjs'), capabilities: ['kv'] },
      ],
      // The fixtures listen on 127.0.0.1, which a hub refuses by default.
      pluginOptions: { deadlineMs: 2_000, allowUnsigned: true, fetchAllowPrivate: true, isolateMemoryMb: 64 },
    });
    const plugins = await hub.services.plugins.installed();
    expect(plugins.map((p) => [p._id, p.status, p.problems, p.isolation])).toEqual([
      [HOSTILE, 'ENABLED', [], 'ISOLATE'],
      [VICTIM, 'ENABLED', [], 'ISOLATE'],
    ]);
    const created = await hub.gql(
      'mutation { createApiKey(input: { name: "hostile isolate suite", scopes: [READ], mode: TEST }) { secret } }',
      {},
      hub.fixtures.keys.companyBAdmin,
    );
    testKey = created.data.createApiKey.secret;
    const remembered = await hub.gql(
      'query { serviceQuery(service: "misbehaving", operation: "remember", input: { key: "secret", value: "the victim\'s" }) }',
      {},
      testKey,
    );
    expect(remembered.data.serviceQuery).toEqual({ stored: "the victim's" });
    void (async () => {
      for await (const event of hub.services.events.subscribe('pluginEvent'))
        published.push(`${event.plugin} ${event.name}`);
    })();
    baseline = await evidence();
  });

  afterEach(async () => {
    await settle();
    const seen = canaries.take();
    const before = baseline;
    baseline = await evidence();
    const leaks = [
      ...answers.splice(0).map((res) => JSON.stringify(res)),
      ...logLines.map((line) => JSON.stringify(line)),
    ].filter((text) => text.includes(secret));
    expect(seen, 'canary listeners reached').toEqual(NO_HITS);
    expect(baseline, 'the store').toEqual(before);
    expect(leaks, "answers and log lines carrying the hub's secret").toEqual([]);
    expect(
      published.splice(0).filter((p) => p.startsWith(HOSTILE) && !p.endsWith('hostile.declared')),
      'undeclared plugin events published',
    ).toEqual([]);
  });

  afterAll(async () => {
    await hub?.close();
    await canaries?.close();
    if (previousSecret === undefined) delete process.env.MARU_SECRET_CANARY;
    else process.env.MARU_SECRET_CANARY = previousSecret;
    rmSync(dir, { recursive: true, force: true });
  });

  describe("the isolate's global scope", () => {
    it('has no require, process, Buffer, global fetch, WebSocket or other Node and network globals', () =>
      expectRefusal('nodeGlobals'));

    it.each([
      'node:fs',
      'fs',
      'node:child_process',
      'node:net',
      'node:worker_threads',
      'node:inspector',
      'node:wasi',
      'node:sqlite',
      `${canaryUrl}x.mjs`,
    ])('cannot import %s', async (specifier) => {
      await expectRefusal('importModule', specifier);
    });

    it("gives Function('return this'), ctx.fetch.constructor and the async function constructor only the isolate's own global", () =>
      expectRefusal('functionThis'));

    it('lets Error.prepareStackTrace reach no function or receiver of the runtime below the plugin', () =>
      expectRefusal('stackWalk'));
  });

  describe('the hub decides, whatever the plugin changed in its own realm', () => {
    it('refuses ctx.fetch to an undeclared host, on the audit trail', async () => {
      const before = await denials();
      await expectRefusal('fetchUndeclared', canaryUrl);
      expect(await denials()).toBe(before + 1);
    });

    it('refuses an undeclared host after Array.prototype.includes, String.prototype.toLowerCase, JSON.parse and URL were replaced', async () => {
      const before = await denials();
      const res = await expectRefusal('tamperThenFetch', canaryUrl);
      expect(res.data.serviceQuery.detail).toMatch(/is not allowed: the manifest declares/);
      expect(await denials()).toBe(before + 1);
    });

    it("does not follow a declared host's redirect to an undeclared one", () =>
      expectRefusal('fetchRedirect', canaryUrl));

    it("keeps kv keys in the plugin's own namespace: another plugin's value is neither read nor overwritten", async () => {
      await expectRefusal('kvOtherPlugin', 'secret');
      const victim = await hub.gql(
        'query { serviceQuery(service: "misbehaving", operation: "remember", input: { key: "probe", value: 1 }) }',
        {},
        testKey,
      );
      expect(victim.data.serviceQuery).toEqual({ stored: 1 });
      expect(await hub.services.plugins.kvCount(VICTIM)).toBe(2);
    });

    it('refuses an undeclared event, in the isolate and on the audit trail', async () => {
      await expectRefusal('emitUndeclared');
    });

    it("labels the plugin's log lines as the plugin's: they cannot set the hub's fields", async () => {
      logLines.splice(0);
      await expectRefusal('forgeLog');
      const lines = logLines.filter((line) => line.fields.plugin === HOSTILE);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) {
        expect(line.fields.plugin).toBe(HOSTILE);
        expect(line.fields.requestId).toBeUndefined();
      }
      expect(lines.find((line) => line.message === 'forged')?.fields.pluginFields).toEqual({
        plugin: '@maru/core',
        requestId: 'forged',
        hub: true,
      });
      expect(logLines.some((line) => line.fields.plugin === '@maru/core')).toBe(false);
    });
  });

  describe('what crosses the bridge is copied plain data', () => {
    it.each([
      ['getter', { value: 'computed in the isolate' }],
      ['toJSON', null],
      ['proto', { ok: 1 }],
    ])('an output with %s arrives as data, no code', async (shape, expected) => {
      const res = await call('output', { shape });
      if (expected) expect(res.data.serviceQuery).toMatchObject(expected);
      expect(JSON.stringify(res)).not.toContain('injected');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("an answer too large to send fails that call in the plugin host: another plugin's call in flight, and the host, carry on", async () => {
      const pid = isolateHostPid();
      const inFlight = hub.gql(
        'query { serviceQuery(service: "misbehaving", operation: "nap", input: { ms: 600 }) }',
        {},
        testKey,
      );
      const res = await call('output', { shape: 'big' });
      expect(res.errors?.[0]?.extensions?.code).toBe('PLUGIN_FAILED');
      const napped = await inFlight;
      expect(napped.errors, JSON.stringify(napped.errors)).toBeUndefined();
      expect(napped.data?.serviceQuery).toEqual({ slept: 600 });
      expect(isolateHostPid()).toBe(pid);
    });

    it.each(['cycle', 'proxy', 'deep', 'big', 'fn'])(
      'an output that is a %s fails the call alone, and the hub keeps answering',
      async (shape) => {
        const res = await call('output', { shape });
        expect(res.errors?.[0]?.extensions?.code ?? 'answered', JSON.stringify(res).slice(0, 300)).toMatch(
          /PLUGIN_FAILED|answered/,
        );
        expect(JSON.stringify(res)).not.toMatch(/at .*\.(js|ts):\d+/);
        expect(await echo()).toEqual({ text: 'still here' });
      },
    );
  });

  describe('limits', () => {
    it('answers TIMEOUT for a handler that never yields, replaces the isolate, and the plugin answers again', async () => {
      await expectRefusal('spin', undefined, ['TIMEOUT']);
      expect(await echo()).toEqual({ text: 'still here' });
      expect((await attempt('nodeGlobals')).data.serviceQuery.outcome).toBe('refused');
    });

    it("refuses a 512 MiB ArrayBuffer and a 1 GiB string inside the isolate's memory limit", async () => {
      await expectRefusal('arrayBuffer', undefined, ['PLUGIN_FAILED']);
      await expectRefusal('hugeString', undefined, ['PLUGIN_FAILED']);
    });

    it('ends an isolate that exhausts its heap: that call fails, the next one runs in a new isolate', async () => {
      await expectRefusal('heap', undefined, ['PLUGIN_FAILED', 'TIMEOUT']);
      expect((await attempt('nodeGlobals')).data.serviceQuery.outcome).toBe('refused');
    });

    it('survives 100,000 pending promises and Atomics.wait (TIMEOUT at worst)', async () => {
      await expectRefusal('promises');
      await expectRefusal('atomicsWait', undefined, ['TIMEOUT', 'PLUGIN_FAILED']);
      expect(await echo()).toEqual({ text: 'still here' });
    });

    it('fails only the calls in flight when the plugin host is killed, and starts it again for the next call', async () => {
      const pid = isolateHostPid();
      expect(pid).not.toBeNull();
      const inFlight = hub.gql(
        'query { serviceQuery(service: "misbehaving", operation: "nap", input: { ms: 1500 }) }',
        {},
        testKey,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      process.kill(pid!, 'SIGKILL');
      const res = await inFlight;
      expect(res.errors?.[0]?.extensions?.code).toBe('PLUGIN_FAILED');
      expect((await hub.gql('{ challenges(first: 1) { totalCount } }')).errors).toBeUndefined();
      expect(await echo()).toEqual({ text: 'still here' });
      expect(isolateHostPid()).not.toBe(pid);
    });
  });

  describe('the doors, used as intended', () => {
    it('answers through ctx.fetch, kv, events, assets, crypto and sleep', async () => {
      const declaredUrl = `http://127.0.0.1:${DECLARED_PORT}/`;
      const res = await call('controls', { url: declaredUrl });
      expect(res.errors).toBeUndefined();
      const seed = new Uint8Array(32).fill(7);
      const expectedX = execFileSync(
        process.execPath,
        [
          '-e',
          `const c=require('node:crypto');const k=c.createPrivateKey({key:Buffer.concat([Buffer.from('302e020100300506032b657004220420','hex'),Buffer.from([${[...seed].join(',')}])]),format:'der',type:'pkcs8'});process.stdout.write(c.createPublicKey(k).export({format:'jwk'}).x)`,
        ],
        { encoding: 'utf8' },
      );
      expect(res.data.serviceQuery).toEqual({
        fetched: '200 declared',
        kv: { n: 1 },
        asset: '안녕, maru',
        assetJson: { regions: ['11', '26'] },
        verified: true,
        forged: false,
        digest: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        seededX: expectedX,
        uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        slept: true,
        tooLong: expect.stringMatching(/outlast the call's deadline/),
        unlisted: expect.stringMatching(/not an asset of this plugin/),
        url: 'https://example.org/a/b?x=1&y=2&z=%C3%BC#h',
        text: '한국어 ✓',
        base64: 'bWFydQ==',
      });
      expect(published.splice(0)).toEqual([`${HOSTILE} hostile.declared`]);
      expect(
        await hub.services.audit.countEvents({ action: 'plugin.emit', requestId: HOSTILE }),
      ).toBeGreaterThanOrEqual(1);
      const metered = await hub.store.collection('service_calls').find({ operation: 'controls' });
      expect(metered.length).toBeGreaterThanOrEqual(1);
    });

    it('offers no door to the store: no call above changed an API key or a collection (checked after each test)', async () => {
      expect(await storedTables(hub).apiKeys.count({})).toBeGreaterThan(0);
    });
  });

  describe('code that runs after its call returned', () => {
    it("names no file of the hub or the plugin host in stack traces, its own or a host function's", () =>
      expectRefusal('stackPaths'));

    it("a log flood from a timer is cut at the plugin's rate and its isolate ended: the host and other plugins carry on", async () => {
      const pid = isolateHostPid();
      logLines.splice(0);
      await expectRefusal('floodLater');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await echo()).toEqual({ text: 'still here' });
      expect(isolateHostPid()).toBe(pid);
      // The hub's own limit (50 a second after a burst of 200) on top of the host's.
      expect(logLines.filter((line) => line.fields.plugin === HOSTILE).length).toBeLessThan(400);
      expect((await attempt('nodeGlobals')).data.serviceQuery.outcome).toBe('refused');
    });

    it('a timer that never yields ends its isolate; the next call runs in a new one', async () => {
      const pid = isolateHostPid();
      await expectRefusal('spinLater');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await echo()).toEqual({ text: 'still here' });
      expect((await attempt('nodeGlobals')).data.serviceQuery.outcome).toBe('refused');
      expect(isolateHostPid()).toBe(pid);
    });

    // Last: the intervals stay armed in the plugin's isolate (its own calls slow down; others must not).
    it('10,000 intervals of 1 ms leave other plugins answering within their deadline', async () => {
      await expectRefusal('intervals');
      for (let i = 0; i < 5; i++) expect(await echo()).toEqual({ text: 'still here' });
    });
  });
});

describe('the isolate host process itself', () => {
  it("cannot read the store, the configuration or the hub's environment, nor start processes or workers, even with node:fs in hand", async () => {
    const binary = isolatedVmBinary();
    expect(binary).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'maru-isolate-host-'));
    try {
      const store = join(dir, 'maru.sqlite');
      writeFileSync(store, 'the store');
      const fence = new PluginFence({ readFolders: [], isolates: { binary: binary! } });
      // An escape shim given node:fs and the rest, run with the isolate host's own flags.
      const shim = `
        const fs = require('node:fs');
        const tries = { store: () => fs.readFileSync(${JSON.stringify(store)}), environ: () => fs.readFileSync('/proc/${process.pid}/environ'), self: () => fs.readFileSync('/proc/self/environ'), write: () => fs.writeFileSync(${JSON.stringify(join(dir, 'x'))}, 'x'), spawn: () => require('node:child_process').execSync('id'), worker: () => new (require('node:worker_threads').Worker)('1', { eval: true }) };
        const out = {};
        for (const [name, run] of Object.entries(tries)) { try { run(); out[name] = 'reached'; } catch (error) { out[name] = error.code ?? error.message; } }
        process.stdout.write(JSON.stringify(out));`;
      const run = spawnSync(process.execPath, [...fence.flags(), '-e', shim], { env: {}, encoding: 'utf8' });
      const out = JSON.parse(run.stdout) as Record<string, string>;
      expect(out).toEqual({
        store: 'ERR_ACCESS_DENIED',
        environ: 'ERR_ACCESS_DENIED',
        self: 'ERR_ACCESS_DENIED',
        write: 'ERR_ACCESS_DENIED',
        spawn: 'ERR_ACCESS_DENIED',
        worker: 'ERR_ACCESS_DENIED',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('packages refused before any code runs', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub({ pluginOptions: { allowUnsigned: true } });
  });
  afterAll(() => hub.close());

  const loadFailed = async (entry: string) => {
    const record = await hub.services.plugins.load({ entry });
    expect(record.status).toBe('FAILED');
    return record.problems.join('\n');
  };

  it('refuses a bundle that imports anything, naming the import', async () => {
    const entry = bundledFixture('test-plugin.mjs', {
      name: 'imports-fs',
      source: "import { readFileSync } from 'node:fs';\nexport default readFileSync;\n",
      external: ['node:*'],
    });
    expect(await loadFailed(entry)).toMatch(/imports "node:fs".*maru build/);
  });

  it('refuses a package with a symbolic link among its files', async () => {
    const entry = bundledFixture('test-plugin.mjs', { name: 'linked', files: { 'data/ok.txt': 'ok' } });
    const { symlinkSync } = await import('node:fs');
    const link = join(entry, '..', '..', 'data', 'hostname');
    symlinkSync('/etc/hostname', link);
    try {
      expect(await loadFailed(entry)).toMatch(/data\/hostname is a symbolic link/);
    } finally {
      // Legacy plugin tests load fixtures from this package's folder, whose links they refuse.
      rmSync(link);
    }
  });

  it("refuses a maru-plugin.json whose manifest is not the bundle's", async () => {
    const entry = bundledFixture('test-plugin.mjs', {
      name: 'tampered-manifest',
      manifest: (m) => ({ ...m, capabilities: [] }),
    });
    expect(await loadFailed(entry)).toMatch(/manifest in maru-plugin.json is not the bundle's own/);
  });

  it('refuses an oversized bundle and an unknown plugin API, each before running it', async () => {
    const big = bundledFixture('test-plugin.mjs', { name: 'oversized' });
    const { appendFileSync, readFileSync, writeFileSync: write } = await import('node:fs');
    appendFileSync(big, `\n// ${'x'.repeat(4 * 1024 * 1024)}\n`);
    expect(await loadFailed(big)).toMatch(/more than the 4194304 a hub loads/);
    const future = bundledFixture('test-plugin.mjs', { name: 'api-3' });
    const described = join(future, '..', '..', 'maru-plugin.json');
    write(described, readFileSync(described, 'utf8').replace('"api": 2', '"api": 3'));
    expect(await loadFailed(future)).toMatch(/plugin API 3/);
  });

  it('refuses an API-1 plugin unless legacy plugins are allowed', async () => {
    const { fileURLToPath } = await import('node:url');
    expect(await loadFailed(fileURLToPath(new URL('../fixtures/test-plugin.mjs', import.meta.url)))).toMatch(
      /MARU_PLUGIN_LEGACY_WORKERS=1/,
    );
  });
});
