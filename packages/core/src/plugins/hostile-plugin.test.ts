/**
 * The hostile suite: a plugin (fixtures/hostile-plugin.mjs) tries one escape per
 * call, called through the hub as a consumer would, and each test checks both
 * what the plugin reports and what the hub's side shows — canary listeners not
 * reached, files not written, the store's API keys unchanged, the secret in the
 * hub's environment never in an answer, refusals on the audit trail. After each
 * test the same evidence is checked again for everything, so an escape fails
 * the test that caused it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { HubLogger } from '../logger.js';
import { createTestHub, type GraphQLResponse, type TestHub } from '../testing/test-hub.js';
import { NO_HITS, startCanaries, storeEvidence, type Canaries } from './fixtures/canaries.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const HOSTILE = '@maru-test/hostile';
const VICTIM = '@maru-test/misbehaving';

/** Datagrams and accepted connections reach the listeners a moment after the plugin's call returns. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

/** A shared library this process has loaded (libc), for `process.dlopen`. */
const sharedLibrary = () =>
  readFileSync('/proc/self/maps', 'utf8').match(/\s(\/\S+\/libc\.so\.6)$/m)?.[1] ?? '/lib/x86_64-linux-gnu/libc.so.6';

/** What the hub's log received, counted: a plugin must not be able to flood it. */
const logged = { lines: 0, bytes: 0, messages: [] as string[] };
const countingLogger: HubLogger = {
  debug: (fields, message) => count(fields, message),
  info: (fields, message) => count(fields, message),
  warn: (fields, message) => count(fields, message),
  error: (fields, message) => count(fields, message),
  child: () => countingLogger,
};
function count(fields: object, message?: string): void {
  logged.lines++;
  logged.bytes += JSON.stringify(fields).length + (message?.length ?? 0);
  if (message) logged.messages.push(message);
}

describe('a hostile plugin, called through the hub', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maru-hostile-'));
  const storeFile = join(dir, 'maru.sqlite');
  const configFile = join(dir, 'maru.config.json');
  const socketPath = join(dir, 'canary.sock');
  const secret = `canary-${randomBytes(16).toString('hex')}`;
  const configCanary = `canary-${randomBytes(16).toString('hex')}`;
  const previousSecret = process.env.MARU_SECRET_CANARY;
  let canaries: Canaries;
  let hits = { ...NO_HITS };
  let canaryUrl = '';
  let tcpPort = '';
  let udpPort = '';
  let hub: TestHub;
  let testKey = '';
  const answers: GraphQLResponse[] = [];
  const published: string[] = [];

  const attempt = async (name: string, arg?: string) => {
    const res = await hub.gql(
      `query($i: JSON) { serviceQuery(service: "hostile", operation: "attempt", input: $i) }`,
      { i: { name, arg } },
      testKey,
    );
    answers.push(res);
    return res;
  };
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
  const apiKeys = async () => (await storeEvidence(hub)).apiKeys;
  const evidence = () => storeEvidence(hub);
  const denials = () => hub.services.audit.countEvents({ action: 'plugin.capabilityDenied' });
  let baseline: Awaited<ReturnType<typeof evidence>>;

  beforeAll(async () => {
    // The hub's secret. Set after this process started, it is not in /proc/<pid>/environ (which
    // shows the environment a process started with): the /proc cases stand on the refusal itself.
    process.env.MARU_SECRET_CANARY = secret;
    writeFileSync(configFile, JSON.stringify({ plugins: [], note: configCanary }));
    canaries = await startCanaries(socketPath);
    ({ hits, url: canaryUrl, tcpPort, udpPort } = canaries);

    hub = await createTestHub({
      logger: countingLogger,
      // A store on disk, as a hub has: the file is what the plugin goes for.
      store: createSqliteStore({ dataDir: dir }),
      plugins: [
        { entry: fixture('hostile-plugin.mjs'), capabilities: ['kv', 'fetch', 'events:emit'] },
        { entry: fixture('test-plugin.mjs'), capabilities: ['kv'] },
      ],
      // fetchAllowPrivate: the fixtures listen on 127.0.0.1, which the fenced hub refuses by default.
      // A memory ceiling the 512 MiB allocation below passes, so the hub's watch must act.
      pluginOptions: {
        deadlineMs: 4_000,
        allowUnsigned: true,
        legacyWorkers: true,
        fetchAllowPrivate: true,
        hostMaxRssMb: 400,
      },
    });
    const plugins = await hub.services.plugins.installed();
    expect(plugins.map((p) => [p._id, p.status, p.problems])).toEqual([
      [HOSTILE, 'ENABLED', []],
      [VICTIM, 'ENABLED', []],
    ]);
    const [host, port] = hub.services.plugins
      .enabledManifests()
      .find((m) => m.name === HOSTILE)!
      .hosts![0]!.split(':');
    // The host the plugin declares: the positive control, and a redirect to elsewhere.
    await canaries.declare(host!, Number(port));

    const created = await hub.gql(
      'mutation { createApiKey(input: { name: "hostile suite", scopes: [READ], mode: TEST }) { secret } }',
      {},
      hub.fixtures.keys.companyBAdmin,
    );
    testKey = created.data.createApiKey.secret;
    // Another plugin's stored value, for the hostile one to go after.
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
    const leaks = answers
      .splice(0)
      .map((res) => JSON.stringify(res))
      .filter((text) => text.includes(secret) || text.includes(configCanary));
    expect(seen, 'canary listeners reached').toEqual(NO_HITS);
    expect(baseline.apiKeys, "the store's API keys").toEqual(before.apiKeys);
    expect(baseline.domain, 'the domain collections').toBe(before.domain);
    expect(leaks, 'answers carrying a secret').toEqual([]);
    expect(published.splice(0), 'plugin events published').toEqual([]);
  });

  afterAll(async () => {
    await hub?.close();
    await canaries?.close();
    if (previousSecret === undefined) delete process.env.MARU_SECRET_CANARY;
    else process.env.MARU_SECRET_CANARY = previousSecret;
    rmSync(dir, { recursive: true, force: true });
  });

  describe('files', () => {
    it("cannot read the hub's store file", () => expectRefusal('readFile', storeFile));

    it("cannot read the hub's configuration file", async () => {
      const res = await expectRefusal('readFile', configFile);
      expect(JSON.stringify(res)).not.toContain(configCanary);
    });

    it("cannot read its own process's environment through /proc", () =>
      expectRefusal('readFile', '/proc/self/environ'));

    it("cannot read the hub's environment through /proc", () =>
      expectRefusal('readFile', `/proc/${process.pid}/environ`));

    it("cannot read the machine's files", () => expectRefusal('readFile', '/etc/hostname'));

    it('cannot write a file', async () => {
      const target = join(dir, 'written-by-a-plugin.txt');
      await expectRefusal('writeFile', target);
      expect(existsSync(target)).toBe(false);
    });

    it('cannot read a file from a worker of its own', () => expectRefusal('nestedWorkerRead', configFile));

    it('cannot read a file through WASI preopens', () => expectRefusal('wasi', configFile));

    it('cannot open the store with node:sqlite and add an API key', async () => {
      const before = await apiKeys();
      await expectRefusal('sqlite', storeFile);
      expect(await apiKeys()).toEqual(before);
    });
  });

  describe('processes, native code, the debugger', () => {
    it('cannot run a command with child_process', () => expectRefusal('childProcess'));

    it('cannot spawn through process.binding', () => expectRefusal('spawnBinding'));

    it('cannot load a native library', async () => {
      const library = sharedLibrary();
      expect(existsSync(library), library).toBe(true);
      await expectRefusal('dlopen', library);
    });

    it('cannot open the inspector', () => expectRefusal('inspectorOpen'));

    it('cannot reach the main thread through an inspector session', () => expectRefusal('inspectorMainThread'));
  });

  describe('the environment', () => {
    it("does not see the hub's environment in process.env", () => expectRefusal('env', 'MARU_SECRET_CANARY'));

    it("does not reach more through the process object behind ctx.fetch's constructor", () =>
      expectRefusal('constructorProcess', 'MARU_SECRET_CANARY'));
  });

  describe('the network without ctx', () => {
    it('cannot connect over TCP', async () => {
      await expectRefusal('tcp', tcpPort);
      await settle();
      expect(hits.tcp).toBe(0);
    });

    it('cannot GET with node:http', async () => {
      await expectRefusal('http', canaryUrl);
      expect(hits.http).toBe(0);
    });

    it('cannot send a UDP datagram', async () => {
      await expectRefusal('udp', udpPort);
      await settle();
      expect(hits.udp).toBe(0);
    });

    it('cannot connect with a raw TCP handle', async () => {
      await expectRefusal('rawTcp', tcpPort);
      await settle();
      expect(hits.tcp).toBe(0);
    });

    it('cannot send with a raw UDP handle', async () => {
      await expectRefusal('rawUdp', udpPort);
      await settle();
      expect(hits.udp).toBe(0);
    });

    it('cannot reach the network from a module loader thread', async () => {
      await expectRefusal('loaderThread', tcpPort);
      await settle();
      expect(hits.tcp).toBe(0);
    });

    it('cannot send a DNS query to a server of its choosing', async () => {
      await expectRefusal('dnsQuery', udpPort);
      await settle();
      expect(hits.udp).toBe(0);
    });

    it('cannot connect to a unix socket', async () => {
      await expectRefusal('unixSocket', socketPath);
      await settle();
      expect(hits.unix).toBe(0);
    });

    it('cannot fetch from a worker of its own', async () => {
      await expectRefusal('nestedWorkerFetch', canaryUrl);
      expect(hits.http).toBe(0);
    });

    // The global fetch is taken away in the plugin's realm on every Node (on 24, the
    // only network fence there is; a worker of the plugin's own gets it back, above).
    it('cannot use the global fetch', async () => {
      await expectRefusal('globalFetch', canaryUrl);
      expect(hits.http).toBe(0);
    });
  });

  describe('ctx.fetch', () => {
    it('refuses an undeclared host with CAPABILITY_DENIED, on the audit trail', async () => {
      const before = await denials();
      await expectRefusal('ctxFetch', canaryUrl, ['CAPABILITY_DENIED']);
      expect(hits.http).toBe(0);
      expect(await denials()).toBeGreaterThan(before);
    });

    it('refuses an undeclared host when the plugin rewrote Array.prototype.includes and String.prototype.toLowerCase', async () => {
      const before = await denials();
      await expectRefusal('ctxFetchPrototypes', canaryUrl, ['CAPABILITY_DENIED']);
      expect(hits.http).toBe(0);
      expect(await denials()).toBeGreaterThan(before);
    });

    it('fetches what was checked, not what a URL object names when read a second time', async () => {
      await expectRefusal('ctxFetchToctou', canaryUrl, ['CAPABILITY_DENIED', 'PLUGIN_FAILED']);
      expect(hits.http).toBe(0);
    });

    it("does not follow a declared host's redirect to another host", async () => {
      await expectRefusal('ctxFetchRedirect', canaryUrl, ['CAPABILITY_DENIED', 'PLUGIN_FAILED']);
      expect(hits.http).toBe(0);
    });

    it('reaches a declared host (control)', async () => {
      const res = await attempt('fetchDeclared');
      expect(res.errors).toBeUndefined();
      expect(res.data.serviceQuery).toEqual({
        outcome: 'escaped',
        detail: expect.stringMatching(/answered 200 declared$/),
      });
    });
  });

  describe('kv and events', () => {
    it("cannot read or write another plugin's values, whatever the key", async () => {
      const count = await hub.services.plugins.kvCount(VICTIM);
      await expectRefusal('kvOtherPlugin', 'secret');
      expect(await hub.services.plugins.kvValue(VICTIM, 'secret')).toBe("the victim's");
      expect(await hub.services.plugins.kvCount(VICTIM)).toBe(count);
    });

    it('keeps and reads its own values (control)', async () => {
      const res = await attempt('kvOwn', 'mine');
      expect(res.data.serviceQuery).toEqual({ outcome: 'escaped', detail: 'kept mine' });
      expect(await hub.services.plugins.kvValue(HOSTILE, 'own')).toBe('mine');
    });

    it('cannot emit an undeclared event: CAPABILITY_DENIED, on the audit trail', async () => {
      const before = await denials();
      await expectRefusal('emitUndeclared', undefined, ['CAPABILITY_DENIED']);
      expect(await denials()).toBeGreaterThan(before);
    });

    // ctx.events.emit does not wait for the hub's verdict, so the plugin cannot tell
    // this refusal; the hub's side shows it: nothing published (checked after each
    // test), the refusal audited.
    it('cannot emit an undeclared event past a check it rewrote, and the hub audits it', async () => {
      const before = await denials();
      const res = await attempt('emitPrototypes');
      expect(res.errors?.[0]?.extensions?.code ?? 'none').toMatch(/^(none|CAPABILITY_DENIED)$/);
      await vi.waitFor(async () => expect(await denials()).toBeGreaterThan(before));
    });
  });

  describe('resources', () => {
    it("keeps a 512 MiB allocation out of the hub's process, and stops the plugin's host above its memory ceiling", async () => {
      const host = hub.services.plugins.runnerOf(HOSTILE)!;
      const restarts = host.restarts;
      const rss = process.memoryUsage.rss();
      // The plugin holds the buffer for 3 s after answering, so it is still there to measure.
      const res = await attempt('arrayBuffer', '3000');
      const grown = process.memoryUsage.rss() - rss;
      // Refused, stopped at the deadline, or the plugin's process killed: each keeps the hub whole.
      if (res.errors) expect(res.errors[0]!.extensions?.code).toMatch(/^(TIMEOUT|PLUGIN_FAILED|PLUGIN_UNAVAILABLE)$/);
      expect(
        grown,
        `${JSON.stringify(res.data?.serviceQuery)}; the hub's process grew by ${Math.round(grown / 2 ** 20)} MiB`,
      ).toBeLessThan(256 * 2 ** 20);
      expect((await hub.gql('{ organizations(first: 1) { totalCount } }')).data.organizations.totalCount).toBe(6);
      // The host holds the buffer for 3 s; the hub's watch looks every second.
      for (let waited = 0; host.restarts === restarts && waited < 3_000; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(host.restarts).toBe(restarts + 1);
      expect((await attempt('kvOwn', 'after the ceiling')).data.serviceQuery).toEqual({
        outcome: 'escaped',
        detail: 'kept after the ceiling',
      });
    });

    it('cannot signal its hub or change its priority (the permission model guards neither)', async () => {
      await expectRefusal('signalHub');
      await expectRefusal('signalHubRaw');
      await expectRefusal('reprioritizeHub');
    });

    it("cannot flood the hub's log: lines beyond a burst are dropped and counted, big fields left out", async () => {
      const before = logged.lines;
      const bytesBefore = logged.bytes;
      await expectRefusal('logFlood');
      await settle();
      expect(logged.lines - before).toBeLessThan(400);
      expect(logged.bytes - bytesBefore).toBeLessThan(1024 * 1024);
      expect(logged.messages.some((m) => /dropped \d+ log lines/.test(m)) || logged.lines - before < 5000).toBe(true);
    });

    it('cannot store without bound in kv: huge values and keys are refused', async () => {
      const count = await hub.services.plugins.kvCount(HOSTILE);
      await expectRefusal('kvHuge');
      await expectRefusal('kvLongKey');
      expect(await hub.services.plugins.kvCount(HOSTILE)).toBe(count);
    });

    it('fails its own call, coded, with output the API cannot send', async () => {
      const res = await attempt('bigintOutput');
      expect(res.errors?.[0]?.extensions?.code).toBe('PLUGIN_FAILED');
      expect((await hub.gql('{ organizations(first: 1) { totalCount } }')).data.organizations.totalCount).toBe(6);
    });

    it("cannot speak for the hub's side of its pipe: writing to its descriptors ends only its own host", async () => {
      const count = await hub.services.plugins.kvCount(VICTIM);
      const res = await attempt('writeDescriptors', 'secret');
      // Its own call fails (the hub stopped the host that broke the protocol) or reports nothing reached.
      if (res.errors) expect(res.errors[0]?.extensions?.code).toBe('PLUGIN_FAILED');
      else expect(res.data.serviceQuery.outcome).toBe('refused');
      expect(await hub.services.plugins.kvValue(VICTIM, 'secret')).toBe("the victim's");
      expect(await hub.services.plugins.kvCount(VICTIM)).toBe(count);
      // A well-formed frame is heard as the plugin itself, under its own grants: what it could do through ctx anyway.
      expect((await hub.gql('{ organizations(first: 1) { totalCount } }')).data.organizations.totalCount).toBe(6);
      // The next call starts a new host.
      expect((await attempt('kvOwn', 'after the pipe')).data.serviceQuery).toEqual({
        outcome: 'escaped',
        detail: 'kept after the pipe',
      });
    });

    it('answers TIMEOUT for a spinning handler while the hub keeps answering, and the plugin answers again', async () => {
      const spinning = attempt('spin');
      expect((await hub.gql('{ organizations(first: 1) { totalCount } }')).data.organizations.totalCount).toBe(6);
      expect((await spinning).errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect((await attempt('kvOwn', 'again')).data.serviceQuery).toEqual({ outcome: 'escaped', detail: 'kept again' });
    });
  });
});
