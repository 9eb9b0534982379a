import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPluginTestHub, type PluginTestHub } from './create-plugin-test-hub.js';
import { buildFixture } from './fixtures/build-fixture.js';
import { HubCallError } from './hub-call-error.js';

// The package folder, built for plugin API 2 as `maru build` would build it.
const fixture = buildFixture('notes-plugin');
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

describe('createPluginTestHub', () => {
  let hub: PluginTestHub;
  beforeAll(async () => {
    hub = await createPluginTestHub({ plugin: fixture, config: { greeting: 'Hi' } });
  });
  afterAll(() => hub?.close());

  it('loads the plugin from its package folder with what it asks for, in an isolate', async () => {
    expect(hub.plugin).toMatchObject({ name: '@maru-test/notes', version: '1.0.0', grantedCapabilities: ['kv'] });
    expect(hub.keys.company).toMatch(/^maru_/);
    const listed = await hub.gql('{ plugins { name status isolation } }', {}, 'platform');
    expect(listed.data.plugins).toEqual([{ name: '@maru-test/notes', status: 'ENABLED', isolation: 'ISOLATE' }]);
  });

  it('hands the plugin its assets, crypto and sleep', async () => {
    const motto = 'Notes keep what matters.';
    expect(await hub.call('notes', 'motto')).toEqual({
      motto,
      sha256: createHash('sha256').update(motto).digest('hex'),
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('calls operations through GraphQL, typed and generic, as the company', async () => {
    const typed = await hub.gql('{ call { notes { greet(input: { name: "Ada" }) { greeting } } } }');
    expect(typed).toEqual({ data: { call: { notes: { greet: { greeting: 'Hi, Ada!' } } } } });
    expect(await hub.call('notes', 'greet', { name: 'Ada' })).toEqual({
      greeting: 'Hi, Ada!',
      caller: expect.stringMatching(/.+/),
    });
  });

  it('runs mutations with ctx.kv, and calls directly through the plugin host', async () => {
    expect(await hub.call('notes', 'save', { id: 'a', text: '안녕' })).toEqual({ id: 'a', saved: true });
    expect(await hub.callDirect('notes', 'read', { id: 'a' })).toEqual({ text: '안녕' });
    expect(await hub.kv('note:a')).toBe('안녕');
  });

  it('rejects with the code a client sees', async () => {
    await expect(hub.call('notes', 'read', { id: 'missing' })).rejects.toMatchObject({
      code: 'PLUGIN_MARU_TEST_NOTES_NOTE_NOT_FOUND',
    });
    await expect(hub.callDirect('notes', 'read', { id: 'missing' })).rejects.toBeInstanceOf(HubCallError);
    await expect(hub.call('notes', 'greet', { name: '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(hub.call('notes', 'greet', { name: 'Ada' }, 'anonymous')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // Only the company was granted access.
    await expect(hub.call('notes', 'greet', { name: 'Ada' }, 'agency')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('meters every call, failures included', async () => {
    const usage = await hub.usage('notes');
    expect(usage.calls).toBeGreaterThanOrEqual(7);
    expect(usage.failures).toBeGreaterThanOrEqual(2);
    expect(usage.byDay[0]).toMatchObject({ day: new Date().toISOString().slice(0, 10) });
  });
});

describe('a plugin without the capability it uses', () => {
  it('is refused with CAPABILITY_DENIED, audited, and stores nothing', async () => {
    const hub = await createPluginTestHub({ plugin: fixture, capabilities: [] });
    try {
      await expect(hub.call('notes', 'save', { id: 'b', text: 'x' })).rejects.toMatchObject({
        code: 'CAPABILITY_DENIED',
      });
      expect(await hub.auditEvents({ action: 'plugin.capabilityDenied' })).toEqual([
        expect.objectContaining({ outcome: 'CAPABILITY_DENIED', targetId: '@maru-test/notes' }),
      ]);
      expect(await hub.kv('note:b')).toBeUndefined();
    } finally {
      await hub.close();
    }
  });
});

describe('the plugin under test', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'maru-testing-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('may be given as its bundle, and a store folder keeps the data', async () => {
    const dataDir = join(scratch, 'data');
    const hub = await createPluginTestHub({ plugin: join(fixture, 'dist', 'plugin.js'), store: { dataDir } });
    await hub.close();
    expect(existsSync(join(dataDir, 'maru.sqlite'))).toBe(true);
  });

  it('must be built: the error names maru-plugin.json and maru build', async () => {
    const dir = join(scratch, 'unbuilt');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'unbuilt', type: 'module', main: './dist/plugin.js' }),
    );
    await expect(createPluginTestHub({ plugin: dir })).rejects.toThrow(
      /has no maru-plugin\.json, so the plugin is not built for plugin API 2 — run maru build/,
    );
    writeFileSync(join(dir, 'maru-plugin.json'), JSON.stringify({ api: 2, bundle: 'dist/plugin.js', manifest: {} }));
    await expect(createPluginTestHub({ plugin: dir })).rejects.toThrow(
      /maru-plugin\.json: the bundle dist\/plugin\.js does not exist — run maru build/,
    );
  });

  it('is named with the problems when the hub refuses it', async () => {
    const dir = join(scratch, 'incompatible');
    const manifest = { name: 'late', version: '1.0.0', publisher: 'Tests', compatibility: '^9.0.0', services: [] };
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'late',
        version: '1.0.0',
        type: 'module',
        main: './dist/plugin.js',
        files: ['dist', 'maru-plugin.json'],
      }),
    );
    writeFileSync(join(dir, 'maru-plugin.json'), JSON.stringify({ api: 2, bundle: 'dist/plugin.js', manifest }));
    writeFileSync(
      join(dir, 'dist', 'plugin.js'),
      `export default { [Symbol.for('maru.plugin')]: true, manifest: ${JSON.stringify(manifest)}, services: [], connectors: [], on: {} };`,
    );
    await expect(createPluginTestHub({ plugin: dir })).rejects.toThrow(
      /refused the plugin[\s\S]*compatibility: "\^9\.0\.0" does not accept/,
    );
  });

  it('runs as a hub runs it: a plugin of API 1 is refused', async () => {
    const dir = join(scratch, 'legacy');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'legacy', version: '1.0.0', type: 'module', main: './index.mjs' }),
    );
    writeFileSync(
      join(dir, 'index.mjs'),
      `export default { [Symbol.for('maru.plugin')]: true, manifest: { name: 'legacy', version: '1.0.0', publisher: 'Tests', compatibility: '^1.0.0', services: [] }, services: [], connectors: [], on: {} };`,
    );
    await expect(createPluginTestHub({ plugin: join(dir, 'index.mjs') })).rejects.toThrow(
      /refused the plugin[\s\S]*this is a plugin of API 1[\s\S]*maru build/,
    );
  });
});
