import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { Ed25519Jwk, PluginCrypto } from '@maru/sdk';

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const RANDOM_MAX = 65_536;

const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

function jwkPair(privateKey: KeyObject): { privateKey: Ed25519Jwk; publicKey: Ed25519Jwk } {
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    privateKey: { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, d: jwk.d! },
    publicKey: { kty: 'OKP', crv: 'Ed25519', x: jwk.x! },
  };
}

/** A key from a plain JWK, refused as the hub refuses it when it is not an Ed25519 JWK. */
function keyOf(jwk: Ed25519Jwk, kind: 'private' | 'public'): KeyObject {
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw new TypeError('an Ed25519 key is a JWK { kty: "OKP", crv: "Ed25519", x, d? }');
  if (kind === 'public') return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  if (typeof jwk.d !== 'string') throw new TypeError('signing needs the private key (a JWK with d)');
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, format: 'jwk' });
}

/**
 * `ctx.crypto` for unit tests, made of Node's crypto: the same algorithms, key
 * format (JWK), encodings (UTF-8 in, base64url signatures out) and refusals as
 * the hub's plugin host, so keys and signatures carry over between the two.
 */
export function createTestCrypto(): PluginCrypto {
  return {
    randomUUID: () => randomUUID(),
    getRandomValues: (array) => {
      if (!(array instanceof Uint8Array)) throw new TypeError('ctx.crypto.getRandomValues fills a Uint8Array');
      if (array.length > RANDOM_MAX)
        throw new RangeError(`ctx.crypto.getRandomValues gives at most ${RANDOM_MAX} bytes at a time`);
      array.set(randomBytes(array.length));
      return array;
    },
    digest: async (algorithm, data) => {
      if (algorithm !== 'SHA-256') throw new TypeError('ctx.crypto.digest knows SHA-256');
      return new Uint8Array(createHash('sha256').update(bytesOf(data)).digest());
    },
    ed25519: {
      generateKeyPair: async () => jwkPair(generateKeyPairSync('ed25519').privateKey),
      keyPairFromSeed: async (seed) => {
        if (!(seed instanceof Uint8Array) || seed.length !== 32)
          throw new TypeError('an Ed25519 seed is 32 bytes (a Uint8Array)');
        return jwkPair(
          createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' }),
        );
      },
      sign: async (privateKey, data) => sign(null, bytesOf(data), keyOf(privateKey, 'private')).toString('base64url'),
      verify: async (publicKey, data, signature) => {
        try {
          return verify(null, bytesOf(data), keyOf(publicKey, 'public'), Buffer.from(String(signature), 'base64url'));
        } catch {
          return false;
        }
      },
    },
  };
}
