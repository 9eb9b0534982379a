import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestHub } from '../testing/test-hub.js';
import { bundledFixture } from './fixtures/bundle-fixture.js';
import { signPackage } from './signature.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A package of API 2 built from the misbehaving fixture, its source changed by `edit` first. */
function makePackage(
  name: string,
  edit: (source: string) => string = (source) => source,
): { dir: string; entry: string } {
  const source = edit(readFileSync(fileURLToPath(new URL('./fixtures/test-plugin.mjs', import.meta.url)), 'utf8'));
  const entry = bundledFixture('test-plugin.mjs', {
    name: `signed-${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    source,
  });
  const dir = dirname(dirname(entry));
  made.push(dir);
  return { dir, entry };
}

const keyPair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
};

describe('signed plugins', () => {
  it('loads a package signed by a registered key, refuses tampered, unsigned and unknown-key ones', async () => {
    const publisher = keyPair();
    const stranger = keyPair();
    const signed = makePackage('signed');
    signPackage(signed.dir, publisher.privatePem, 'acme-2026');
    const tampered = makePackage('tampered');
    signPackage(tampered.dir, publisher.privatePem, 'acme-2026');
    appendFileSync(tampered.entry, '\n// one more line after signing\n');
    const unsigned = makePackage('unsigned');
    const unknownKey = makePackage('unknown-key');
    signPackage(unknownKey.dir, stranger.privatePem, 'stranger-1');

    // The key is registered through GraphQL by a platform admin, in a first hub on the same store.
    const first = await createTestHub();
    const registered = await first.gql(
      'mutation($k: String!) { registerPublisherKey(keyId: "acme-2026", publisher: "Maru tests", publicKey: $k) { keyId publisher } }',
      { k: publisher.publicPem },
      first.fixtures.keys.platformAdmin,
    );
    expect(registered.data.registerPublisherKey).toEqual({ keyId: 'acme-2026', publisher: 'Maru tests' });
    const notAdmin = await first.gql(
      'mutation($k: String!) { registerPublisherKey(keyId: "x", publisher: "X", publicKey: $k) { keyId } }',
      { k: stranger.publicPem },
      first.fixtures.keys.companyAAdmin,
    );
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const notAKey = await first.gql(
      'mutation { registerPublisherKey(keyId: "y", publisher: "Y", publicKey: "hello") { keyId } }',
      {},
      first.fixtures.keys.platformAdmin,
    );
    expect(notAKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publicKey' });
    const keys = await first.services.plugins.trustedKeys();
    await first.close();

    const hub = await createTestHub();
    for (const key of keys) await hub.services.plugins.trustPublisherKey(key);
    // Signed by a registered key, but claiming another publisher.
    const impostor = makePackage('impostor', (source) =>
      source.replace("publisher: 'Maru tests'", "publisher: 'Ministry of the Interior'"),
    );
    signPackage(impostor.dir, publisher.privatePem, 'acme-2026');
    // A dependency inside the package's own node_modules, swapped after signing.
    const nested = makePackage('nested');
    mkdirSync(join(nested.dir, 'node_modules/helper'), { recursive: true });
    writeFileSync(join(nested.dir, 'node_modules/helper/index.js'), 'export const n = 1;\n');
    signPackage(nested.dir, publisher.privatePem, 'acme-2026');
    writeFileSync(join(nested.dir, 'node_modules/helper/index.js'), 'export const n = 78;\n');
    const extra = [];
    for (const pkg of [impostor, nested]) extra.push(await hub.services.plugins.load({ entry: pkg.entry }));
    expect(extra[0]!.problems).toEqual([
      'publisher: the package says "Ministry of the Interior" but is signed with the key of "Maru tests"',
    ]);
    expect(extra[1]!.problems[0]).toMatch(/^signature: the package was modified after it was signed/);
    const results = [];
    for (const pkg of [tampered, unsigned, unknownKey, signed])
      results.push(await hub.services.plugins.load({ entry: pkg.entry }));
    expect(results.map((r) => r.status)).toEqual(['FAILED', 'FAILED', 'FAILED', 'ENABLED']);
    expect(results[0]!.problems).toEqual([
      'signature: the package was modified after it was signed (its files do not match the signed digest)',
    ]);
    expect(results[1]!.problems[0]).toMatch(/^signature: the package is not signed/);
    expect(results[2]!.problems[0]).toMatch(/^signature: the signing key "stranger-1" is not registered/);
    expect(results[3]!.signedBy).toBe('acme-2026');
    // Called like a customer would: with a live key of an organization granted access.
    const requested = await hub.gql(
      'mutation { requestServiceAccess(service: "misbehaving", purpose: "signed plugin test") { grant { id } } }',
      {},
      hub.fixtures.keys.companyAAdmin,
    );
    await hub.gql(
      'mutation($id: ID!) { approveServiceAccess(id: $id, dailyQuota: 10) { grant { status } } }',
      { id: requested.data.requestServiceAccess.grant.id },
      hub.fixtures.keys.platformAdmin,
    );
    const call = await hub.gql(
      '{ call { misbehaving { echo(input: { text: "signed" }) { text } } } }',
      {},
      hub.fixtures.keys.companyADev,
    );
    expect(call.data.call.misbehaving.echo).toEqual({ text: 'signed' });
    await hub.close();
  });
});
