import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from './create-test-context.js';
import { buildFixture } from './fixtures/build-fixture.js';

const source = new URL('./fixtures/notes-plugin/', import.meta.url);

describe('ctx.assets', () => {
  const built = buildFixture('notes-plugin');
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it('reads the files the manifest lists from the package folder', async () => {
    const ctx = createTestContext({ packageDir: source, assets: ['data/motto.txt'] });
    expect(await ctx.assets.text('data/motto.txt')).toBe('Notes keep what matters.\n');
    expect(await ctx.assets.bytes('data/motto.txt')).toBeInstanceOf(Uint8Array);
  });

  it("takes the list from a built package's maru-plugin.json", async () => {
    expect((await createTestContext({ packageDir: built }).assets.text('data/motto.txt')).trim()).toBe(
      'Notes keep what matters.',
    );
  });

  it('refuses a file the manifest does not list, as the hub does', async () => {
    const ctx = createTestContext({ packageDir: source, assets: ['data/motto.txt'] });
    await expect(ctx.assets.text('package.json')).rejects.toThrow(/"package\.json" is not an asset of this plugin/);
    await expect(createTestContext().assets.text('data/motto.txt')).rejects.toThrow(/not an asset of this plugin/);
    await expect(createTestContext({ packageDir: source }).assets.json('data/motto.txt')).rejects.toThrow(
      /has no maru-plugin\.json[\s\S]*run maru build/,
    );
  });
});

describe('ctx.crypto', () => {
  const { crypto } = createTestContext();

  it('digests UTF-8 text and bytes with SHA-256', async () => {
    const expected = new Uint8Array(createHash('sha256').update('마루').digest());
    expect(await crypto.digest('SHA-256', '마루')).toEqual(expected);
    expect(await crypto.digest('SHA-256', new TextEncoder().encode('마루'))).toEqual(expected);
  });

  it('signs and verifies with Ed25519 keys as JWK, deterministic from a seed', async () => {
    const seed = await crypto.digest('SHA-256', 'seed');
    const pair = await crypto.ed25519.keyPairFromSeed(seed);
    expect(pair.publicKey).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: (await crypto.ed25519.keyPairFromSeed(seed)).publicKey.x,
    });
    const signature = await crypto.ed25519.sign(pair.privateKey, 'payload');
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await crypto.ed25519.verify(pair.publicKey, 'payload', signature)).toBe(true);
    expect(await crypto.ed25519.verify(pair.publicKey, 'other', signature)).toBe(false);
    expect(await crypto.ed25519.verify((await crypto.ed25519.generateKeyPair()).publicKey, 'payload', signature)).toBe(
      false,
    );
    expect(await crypto.ed25519.verify(pair.publicKey, 'payload', 'not a signature')).toBe(false);
    await expect(crypto.ed25519.keyPairFromSeed(new Uint8Array(31))).rejects.toThrow(/32 bytes/);
  });

  it('gives random values and version 4 UUIDs', () => {
    expect(crypto.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(crypto.getRandomValues(new Uint8Array(16)).some((b) => b !== 0)).toBe(true);
    expect(() => crypto.getRandomValues(new Uint8Array(65_537))).toThrow(RangeError);
  });
});

describe('ctx.sleep', () => {
  it('waits, unless the wait would outlast the deadline', async () => {
    const ctx = createTestContext({ deadlineMs: 1_000 });
    await expect(ctx.sleep(5)).resolves.toBeUndefined();
    await expect(ctx.sleep(5_000)).rejects.toThrow(/would outlast the call's deadline/);
  });

  it("rejects with the signal's reason when the call is aborted", async () => {
    const controller = new AbortController();
    const ctx = createTestContext({ signal: controller.signal });
    const waiting = ctx.sleep(10_000);
    controller.abort(new Error('caller went away'));
    await expect(waiting).rejects.toThrow('caller went away');
    await expect(ctx.sleep(1)).rejects.toThrow('caller went away');
  });
});
