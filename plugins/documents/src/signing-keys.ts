import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { PluginContext } from '@maru/sdk';

/** The key that signs test certificates. Its seed is public, so test certificates prove nothing outside test mode. */
export const SANDBOX_KEY_ID = 'sandbox';

interface StoredKey {
  privateKey: JsonWebKey;
  publicKey: JsonWebKey;
  createdAt: string;
}

const CURRENT = 'signing-key';
const stored = (keyId: string) => `signing-key:${keyId}`;

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const sandboxPrivate = createPrivateKey({
  key: Buffer.concat([ED25519_PKCS8_PREFIX, createHash('sha256').update('maru:plugin-documents:sandbox-key:v1').digest()]),
  format: 'der',
  type: 'pkcs8',
});
const sandboxPublic = createPublicKey(sandboxPrivate);

/** A short, stable id for a public key: the first 16 hex digits of the SHA-256 of its raw bytes. */
function fingerprint(publicKey: JsonWebKey): string {
  return createHash('sha256').update(Buffer.from(publicKey.x!, 'base64url')).digest('hex').slice(0, 16);
}

/**
 * The key that signs live certificates. There is no operator configuration
 * for secrets yet, so the first issue generates an Ed25519 key pair and keeps
 * it in the plugin's kv; later calls reuse it. Each key is kept under its own
 * id, and certificates name the key that signed them, so two first calls
 * racing each other only leave two valid keys behind, never a certificate
 * that no longer verifies.
 */
export async function signingKey(ctx: PluginContext, test: boolean): Promise<{ keyId: string; privateKey: KeyObject }> {
  if (test) return { keyId: SANDBOX_KEY_ID, privateKey: sandboxPrivate };
  const currentId = await ctx.kv.get<string>(CURRENT);
  const current = currentId ? await ctx.kv.get<StoredKey>(stored(currentId)) : undefined;
  if (currentId && current) return { keyId: currentId, privateKey: createPrivateKey({ key: current.privateKey, format: 'jwk' }) };
  const pair = generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.export({ format: 'jwk' });
  const keyId = fingerprint(publicKey);
  await ctx.kv.set(stored(keyId), { privateKey: pair.privateKey.export({ format: 'jwk' }), publicKey, createdAt: new Date().toISOString() } satisfies StoredKey);
  await ctx.kv.set(CURRENT, keyId);
  ctx.log.info('generated a signing key', { keyId });
  return { keyId, privateKey: pair.privateKey };
}

/** The public key a certificate names, or `undefined` when the plugin has no such key. */
export async function verificationKey(ctx: PluginContext, keyId: string, test: boolean): Promise<KeyObject | undefined> {
  if (test) return keyId === SANDBOX_KEY_ID ? sandboxPublic : undefined;
  const key = await ctx.kv.get<StoredKey>(stored(keyId));
  return key ? createPublicKey({ key: key.publicKey, format: 'jwk' }) : undefined;
}
