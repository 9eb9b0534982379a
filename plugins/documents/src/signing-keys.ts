import type { Ed25519Jwk, PluginContext } from '@maru/sdk';
import { fromBase64url, hex } from './encoding.js';

/** The key that signs test certificates. Its seed is public, so test certificates prove nothing outside test mode. */
export const SANDBOX_KEY_ID = 'sandbox';
/** The text whose SHA-256 is the sandbox key's seed. */
export const SANDBOX_SEED_TEXT = 'maru:plugin-documents:sandbox-key:v1';

type KeyPair = { privateKey: Ed25519Jwk; publicKey: Ed25519Jwk };

/** As kept in kv: JWKs, the shape Node's `export({ format: 'jwk' })` wrote before plugin API 2, so older keys still load. */
interface StoredKey extends KeyPair {
  createdAt: string;
}

const CURRENT = 'signing-key';
const stored = (keyId: string) => `signing-key:${keyId}`;
// Only the fields of an Ed25519 key: whatever else a stored JWK carries stays behind.
const jwk = ({ x, d }: Ed25519Jwk): Ed25519Jwk => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x,
  ...(d === undefined ? {} : { d }),
});

let sandbox: Promise<KeyPair> | undefined;

/**
 * The sandbox key pair, made from its public seed on first use and kept for
 * the life of the isolate: there is no `ctx` at import, and the key never
 * changes. A failure is not kept, so the next call tries again.
 */
function sandboxKeys(ctx: PluginContext): Promise<KeyPair> {
  sandbox ??= ctx.crypto
    .digest('SHA-256', SANDBOX_SEED_TEXT)
    .then((seed) => ctx.crypto.ed25519.keyPairFromSeed(seed))
    .catch((error: unknown) => {
      sandbox = undefined;
      throw error;
    });
  return sandbox;
}

/** A short, stable id for a public key: the first 16 hex digits of the SHA-256 of its raw bytes. */
export async function fingerprint(ctx: PluginContext, publicKey: Ed25519Jwk): Promise<string> {
  return hex(await ctx.crypto.digest('SHA-256', fromBase64url(publicKey.x))).slice(0, 16);
}

/**
 * The key that signs live certificates. There is no operator configuration
 * for secrets yet, so the first issue generates an Ed25519 key pair and keeps
 * it in the plugin's kv; later calls reuse it. Each key is kept under its own
 * id, and certificates name the key that signed them, so two first calls
 * racing each other only leave two valid keys behind, never a certificate
 * that no longer verifies.
 */
export async function signingKey(
  ctx: PluginContext,
  test: boolean,
): Promise<{ keyId: string; privateKey: Ed25519Jwk }> {
  if (test) return { keyId: SANDBOX_KEY_ID, privateKey: (await sandboxKeys(ctx)).privateKey };
  const currentId = await ctx.kv.get<string>(CURRENT);
  const current = currentId ? await ctx.kv.get<StoredKey>(stored(currentId)) : undefined;
  if (currentId && current) return { keyId: currentId, privateKey: jwk(current.privateKey) };
  const pair = await ctx.crypto.ed25519.generateKeyPair();
  const keyId = await fingerprint(ctx, pair.publicKey);
  await ctx.kv.set(stored(keyId), { ...pair, createdAt: new Date().toISOString() } satisfies StoredKey);
  await ctx.kv.set(CURRENT, keyId);
  ctx.log.info('generated a signing key', { keyId });
  return { keyId, privateKey: pair.privateKey };
}

/** The public key a certificate names, or `undefined` when the plugin has no such key. */
export async function verificationKey(
  ctx: PluginContext,
  keyId: string,
  test: boolean,
): Promise<Ed25519Jwk | undefined> {
  if (test) return keyId === SANDBOX_KEY_ID ? (await sandboxKeys(ctx)).publicKey : undefined;
  const key = await ctx.kv.get<StoredKey>(stored(keyId));
  return key ? jwk({ kty: 'OKP', crv: 'Ed25519', x: key.publicKey.x }) : undefined;
}
