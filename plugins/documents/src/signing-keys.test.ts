import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { callOperation, createTestContext } from '@maru/testing';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './certificate.js';
import { issue } from './issue.js';
import { fingerprint, SANDBOX_SEED_TEXT, signingKey, verificationKey } from './signing-keys.js';
import { business } from './test-subjects.js';
import { verify } from './verify.js';

// The keys as the plugin made them with node:crypto before plugin API 2: certificates and keys
// from then must keep verifying, and key ids must not change.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const nodeSandbox = createPrivateKey({
  key: Buffer.concat([ED25519_PKCS8_PREFIX, createHash('sha256').update(SANDBOX_SEED_TEXT).digest()]),
  format: 'der',
  type: 'pkcs8',
});
const nodeFingerprint = (x: string) =>
  createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 16);

describe('signing keys', () => {
  it('makes the same sandbox key from its public seed as before', async () => {
    const ctx = createTestContext({ mode: 'test' });
    const { privateKey } = await signingKey(ctx, true);
    const before = nodeSandbox.export({ format: 'jwk' });
    expect(privateKey).toEqual({ kty: 'OKP', crv: 'Ed25519', x: before.x, d: before.d });
    expect(await verificationKey(ctx, 'sandbox', true)).toEqual({ kty: 'OKP', crv: 'Ed25519', x: before.x });
  });

  it('verifies a test certificate signed the way it was signed before', async () => {
    const ctx = createTestContext({ mode: 'test', capabilities: ['kv'] });
    const { payload } = await callOperation(issue, business, ctx);
    const signature = sign(null, Buffer.from(canonicalJson(payload)), nodeSandbox).toString('base64url');
    expect(
      await callOperation(verify, { certificate: { id: payload.id, algorithm: 'Ed25519', payload, signature } }, ctx),
    ).toMatchObject({ valid: true });
  });

  it('names keys by the same fingerprint', async () => {
    const ctx = createTestContext();
    const { publicKey } = await ctx.crypto.ed25519.generateKeyPair();
    expect(await fingerprint(ctx, publicKey)).toBe(nodeFingerprint(publicKey.x));
  });

  it('signs with a live key an SDK 0.1 build kept in kv (a JWK Node exported)', async () => {
    const pair = generateKeyPairSync('ed25519');
    const publicKey = pair.publicKey.export({ format: 'jwk' });
    const keyId = nodeFingerprint(publicKey.x!);
    const store = new Map<string, unknown>([
      ['signing-key', JSON.stringify(keyId)],
      [
        `signing-key:${keyId}`,
        JSON.stringify({
          privateKey: pair.privateKey.export({ format: 'jwk' }),
          publicKey,
          createdAt: '2026-01-01T00:00:00.000Z',
        }),
      ],
    ]);
    const ctx = createTestContext({ capabilities: ['kv'], store });
    const certificate = await callOperation(issue, business, ctx);
    expect(certificate.payload.keyId).toBe(keyId);
    expect((await callOperation(verify, { certificate }, ctx)).valid).toBe(true);
  });
});
