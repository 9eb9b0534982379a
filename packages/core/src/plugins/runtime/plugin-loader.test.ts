import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.js';
import type { Collection } from '../../store/port.js';
import { bundledFixture } from '../fixtures/bundle-fixture.js';
import type { PublisherKey } from '../model.js';
import { signPackage } from '../signature.js';
import { PluginLoader } from './plugin-loader.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('PluginLoader', () => {
  it('runs only the bytes the signature covers: a bundle swapped between reading and checking is refused, and nothing starts', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const entry = bundledFixture('test-plugin.mjs', { name: `toctou-${process.pid}` });
    const dir = dirname(dirname(entry));
    made.push(dir);
    signPackage(dir, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'acme-1');
    const signed = readFileSync(entry);
    // The folder as someone who can write it leaves it: another bundle, put back while the hub looks up its keys.
    writeFileSync(entry, `${signed.toString('utf8')}\n// not what was signed\n`);
    const key: PublisherKey = {
      _id: 'acme-1',
      publisher: 'Maru tests',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    } as PublisherKey;
    const keys = {
      find: async () => {
        writeFileSync(entry, signed);
        return [key];
      },
    } as unknown as Collection<PublisherKey>;
    const loader = new PluginLoader(keys, {}, silentLogger);
    let started = false;
    const booted = await loader.boot({ entry }, {}, () => (started = true));
    await loader.stop();
    expect(booted.check.ok).toBe(true);
    expect(booted.problems).toEqual([
      'signature: dist/plugin.js changed while the package was loaded (what was read is not what is signed); try again',
    ]);
    expect(booted.manifest).toBeNull();
    expect(started).toBe(false);
  });
});
