import { packageDigest, verifyPackage } from '@maru/core';
import { createPublicKey, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePlugin, runMaru } from './helpers.js';

describe('maru sign', () => {
  it('makes a key on the first run, signs the published files the way the hub checks them, and prints how to register the key', async () => {
    const dir = fixturePlugin();
    const run = await runMaru(['sign'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Made a signing key: .maru/signing-key.pem');
    expect(statSync(join(dir, '.maru/signing-key.pem')).mode & 0o777).toBe(0o600);
    const keyId = /with key (fixture-inc-[0-9a-f]{12}): wrote maru-signature.json/.exec(run.stdout)![1]!;
    expect(run.stdout).toContain(
      `registerPublisherKey(keyId: "${keyId}", publisher: "Fixture Inc.", publicKey: "-----BEGIN PUBLIC KEY-----\\n`,
    );
    const signature = JSON.parse(readFileSync(join(dir, 'maru-signature.json'), 'utf8'));
    expect(signature).toMatchObject({ algorithm: 'ed25519', keyId });
    // The hub's own check, on the package as npm publishes it (its "files" and package.json), and nothing left behind.
    const published = mkdtempSync(join(tmpdir(), 'maru-published-'));
    for (const file of ['package.json', 'maru-signature.json', 'maru-plugin.json', 'dist/plugin.js'])
      cpSync(join(dir, file), join(published, file));
    const publicKey = readFileSync(join(dir, '.maru/signing-key.pub.pem'), 'utf8');
    expect(verifyPackage(published, new Map([[keyId, { publicKey, publisher: 'Fixture Inc.' }]]))).toMatchObject({
      ok: true,
      keyId,
    });
    expect(readdirSync(join(dir, '.maru')).sort()).toEqual(['signing-key.pem', 'signing-key.pub.pem']);

    const again = await runMaru(['sign'], dir);
    expect(again.stdout).not.toContain('Made a signing key');
    expect(again.stdout).toContain(`with key ${keyId}`);
    const valid = await runMaru(['validate'], dir);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain(`signature: signed with your key ${keyId}`);
  });

  it('notices a build after signing, and says to sign again', async () => {
    const dir = fixturePlugin();
    await runMaru(['sign'], dir);
    appendFileSync(join(dir, 'dist/plugin.js'), '\n// rebuilt\n');
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'maru-signature.json: the package was modified after it was signed (its files do not match the signed digest) — run maru sign again after the last build',
    );
    expect((await runMaru(['sign'], dir)).code).toBe(0);
    expect((await runMaru(['validate'], dir)).code).toBe(0);
  });

  it('checks a signature made elsewhere against the files, without the key', async () => {
    const dir = fixturePlugin();
    const key = join(mkdtempSync(join(tmpdir(), 'maru-key-')), 'ci-key.pem');
    writeFileSync(key, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect((await runMaru(['sign', '--key', key], dir)).code).toBe(0);
    expect(existsSync(join(dir, '.maru/signing-key.pem'))).toBe(false);
    const run = await runMaru(['validate'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /signature: signed with key fixture-inc-[0-9a-f]{12} \(not in this folder\); the files match/,
    );
    expect((await runMaru(['validate'], dir, { MARU_SIGNING_KEY: key })).stdout).toContain('signed with your key');
    expect(createPublicKey(createPrivateKey(readFileSync(key, 'utf8'))).asymmetricKeyType).toBe('ed25519');
  });

  it('refuses a key file that is missing or not an Ed25519 key, and a plugin with problems', async () => {
    const dir = fixturePlugin();
    const missing = await runMaru(['sign', '--key', 'nowhere.pem'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere.pem: not found — pass the path of your Ed25519 private key (PEM)');
    writeFileSync(
      join(dir, 'rsa.pem'),
      generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    expect((await runMaru(['sign', '--key', 'rsa.pem'], dir)).stderr).toContain(
      'rsa.pem: not an Ed25519 private key in PEM',
    );
    const unbuilt = fixturePlugin({ built: false });
    const refused = await runMaru(['sign'], unbuilt);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Fix these before signing:');
    expect(existsSync(join(unbuilt, 'maru-signature.json'))).toBe(false);
  });

  it('asks for the signature file in "files", so it is published', async () => {
    const dir = fixturePlugin({ pkg: { files: ['dist', 'maru-plugin.json'] } });
    writeFileSync(join(dir, 'maru-signature.json'), '{}');
    const run = await runMaru(['sign'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'package.json: add "maru-signature.json" to "files" — without it the published package is unsigned',
    );
  });
});

describe('maru pack', () => {
  it('refuses an unsigned plugin, and packs a signed one whose tarball holds the signed files', async () => {
    const dir = fixturePlugin();
    const unsigned = await runMaru(['pack'], dir);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('maru-signature.json: not found — run maru sign after the build, then maru pack');
    await runMaru(['sign'], dir);
    const out = mkdtempSync(join(tmpdir(), 'maru-pack-out-'));
    const run = await runMaru(['pack', '--pack-destination', out], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('fixture-plugin-1.0.0.tgz (4 files); its signature matches its files.');
    const unpacked = mkdtempSync(join(tmpdir(), 'maru-pack-check-'));
    execFileSync('tar', ['-xzf', join(out, 'fixture-plugin-1.0.0.tgz'), '-C', unpacked]);
    expect(
      execFileSync('find', ['.', '-type', 'f'], { cwd: join(unpacked, 'package') })
        .toString()
        .split('\n')
        .filter(Boolean)
        .sort(),
    ).toEqual(['./dist/plugin.js', './maru-plugin.json', './maru-signature.json', './package.json']);
    expect(packageDigest(join(unpacked, 'package'))).toBe(
      JSON.parse(readFileSync(join(dir, 'maru-signature.json'), 'utf8')).digest,
    );
  });
});
