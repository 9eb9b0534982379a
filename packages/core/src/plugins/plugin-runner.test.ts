import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePluginFetch } from './plugin-fetch.js';
import { PluginRunner, type PluginCall } from './plugin-runner.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('PluginRunner: a plugin in its own worker thread', () => {
  const store = new Map<string, unknown>();
  const runner = new PluginRunner({
    entry: fixture('test-plugin.mjs'),
    maxHeapMb: 32,
    kv: {
      get: async (k) => store.get(k),
      set: async (k, v) => void store.set(k, v),
      delete: async (k) => store.delete(k),
    },
    // As the hub runs it (plugin-host.ts): the manifest's hosts are this test's server.
    fetch: (request) =>
      executePluginFetch(request, { hosts: [host], allowPrivate: true, signal: AbortSignal.timeout(2_000) }),
  });
  // A second plugin instance stands for "the rest of the hub": it must keep answering while the first misbehaves.
  const neighbour = new PluginRunner({ entry: fixture('test-plugin.mjs') });
  let server: Server;
  let host: string;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('hello from 127.0.0.1'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await Promise.all([runner.stop(), neighbour.stop()]);
    server.close();
  });

  const call = (operation: string, input: unknown = {}, extra: Partial<PluginCall> = {}) =>
    runner.call({
      service: 'misbehaving',
      operation,
      input,
      caller: { organizationId: 'org1', memberId: 'm1' },
      mode: 'live',
      deadlineMs: 2_000,
      capabilities: ['fetch', 'kv'],
      hosts: [host],
      ...extra,
    });
  const neighbourAnswers = async () =>
    expect(
      await neighbour.call({
        service: 'misbehaving',
        operation: 'echo',
        input: { text: 'still here' },
        caller: { organizationId: null, memberId: null },
        mode: 'live',
        deadlineMs: 5_000,
        capabilities: [],
        hosts: [],
      }),
    ).toEqual({ text: 'still here' });

  it('loads the plugin and reports its manifest', async () => {
    const manifest = await runner.start();
    expect(manifest.name).toBe('@maru-test/misbehaving');
    expect(manifest.services?.[0]?.operations.map((o) => o.name)).toContain('echo');
  });

  it('answers a call, with the caller and mode it was given', async () => {
    expect(await call('echo', { text: '안녕' })).toEqual({ text: '안녕' });
    expect(await call('mode', {}, { mode: 'test' })).toEqual({
      mode: 'test',
      caller: { organizationId: 'org1', memberId: 'm1' },
    });
  });

  it('refuses input that does not match the schema as BAD_USER_INPUT', async () => {
    await expect(call('echo', { text: '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a thrown error fails only that call, without restarting the worker', async () => {
    await expect(call('boom')).rejects.toMatchObject({ code: 'PLUGIN_FAILED' });
    expect(await call('echo', { text: 'after' })).toEqual({ text: 'after' });
    expect(runner.restarts).toBe(0);
  });

  it('passes a PluginError through with its code', async () => {
    await expect(call('coded')).rejects.toMatchObject({
      code: 'PLUGIN_ERROR',
      pluginCode: 'ADDRESS_NOT_FOUND',
      message: 'No address matches; check the spelling.',
    });
  });

  it('refuses output that breaks the output schema', async () => {
    await expect(call('badOutput')).rejects.toMatchObject({ code: 'PLUGIN_FAILED' });
  });

  it('answers TIMEOUT past the deadline and aborts the handler; a responsive worker is kept', async () => {
    await expect(call('slow', {}, { deadlineMs: 150 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(await call('echo', { text: 'kept' })).toEqual({ text: 'kept' });
    expect(runner.restarts).toBe(0);
  });

  it('replaces a worker whose handler spins the CPU, while other plugins keep answering', async () => {
    // The expectation is attached at once: on a loaded machine the deadline may pass before the neighbour answers.
    const spinning = expect(call('spin', {}, { deadlineMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    await neighbourAnswers();
    await spinning;
    await expect.poll(() => runner.restarts).toBe(1);
    expect(await call('echo', { text: 'restarted' })).toEqual({ text: 'restarted' });
  });

  it('replaces a worker that exhausts its heap', async () => {
    const before = runner.restarts;
    const hogging = expect(call('hog', {}, { deadlineMs: 30_000 })).rejects.toMatchObject({ code: 'PLUGIN_FAILED' });
    await neighbourAnswers();
    await hogging;
    expect(runner.restarts).toBe(before + 1);
    expect(await call('echo', { text: 'alive' })).toEqual({ text: 'alive' });
  }, 40_000);

  it('lets ctx.fetch reach a declared host only, and only with the fetch capability', async () => {
    expect(await call('fetchUrl', { url: `http://${host}/` })).toEqual({ status: 200, body: 'hello from 127.0.0.1' });
    await expect(call('fetchUrl', { url: 'http://127.0.0.2:9/' })).rejects.toMatchObject({ code: 'CAPABILITY_DENIED' });
    await expect(call('fetchUrl', { url: `http://${host}/` }, { capabilities: ['kv'] })).rejects.toMatchObject({
      code: 'CAPABILITY_DENIED',
    });
    await expect(call('globalFetch')).rejects.toMatchObject({ code: 'CAPABILITY_DENIED' });
  });

  it('gives ctx.kv through the host, only with the kv capability', async () => {
    expect(await call('remember', { key: 'k', value: { n: 1 } })).toEqual({ stored: { n: 1 } });
    expect(store.get('k')).toEqual({ n: 1 });
    await expect(call('remember', { key: 'k2', value: 2 }, { capabilities: [] })).rejects.toMatchObject({
      code: 'CAPABILITY_DENIED',
    });
    expect(store.has('k2')).toBe(false);
  });

  it('refuses a module that is not a plugin', async () => {
    const broken = new PluginRunner({ entry: fixture('not-a-plugin.mjs') });
    await expect(broken.start()).rejects.toMatchObject({
      code: 'PLUGIN_UNAVAILABLE',
      message: expect.stringContaining('definePlugin'),
    });
  });
});
