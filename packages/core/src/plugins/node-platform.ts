/**
 * The guest platform (worker-context.ts) made of Node's timers and crypto: what
 * a worker-thread plugin uses directly, and what the plugin host runs on behalf
 * of an isolate, which has neither.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { Ed25519Jwk } from '@maru/sdk';
import type { GuestPlatform } from './worker-context.js';

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function jwkPair(privateKey: KeyObject): { privateKey: Ed25519Jwk; publicKey: Ed25519Jwk } {
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    privateKey: { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, d: jwk.d! },
    publicKey: { kty: 'OKP', crv: 'Ed25519', x: jwk.x! },
  };
}

/** A key from a plain JWK the plugin handed over: only the fields an Ed25519 key has, as strings. */
function keyOf(jwk: Ed25519Jwk, kind: 'private' | 'public'): KeyObject {
  if (!jwk || typeof jwk !== 'object' || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw new TypeError('an Ed25519 key is a JWK { kty: "OKP", crv: "Ed25519", x, d? }');
  if (kind === 'private') {
    if (typeof jwk.d !== 'string') throw new TypeError('signing needs the private key (a JWK with d)');
    return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d }, format: 'jwk' });
  }
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
}

export const nodeCrypto = {
  randomBytes: (length: number): Uint8Array =>
    new Uint8Array(randomBytes(Math.max(0, Math.min(65_536, Math.floor(length))))),
  sha256: (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest()),
  ed25519KeyPair: (seed?: Uint8Array) => {
    if (seed)
      return jwkPair(
        createPrivateKey({
          key: Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(seed)]),
          format: 'der',
          type: 'pkcs8',
        }),
      );
    return jwkPair(generateKeyPairSync('ed25519').privateKey);
  },
  ed25519Sign: (privateKey: Ed25519Jwk, data: Uint8Array): string =>
    sign(null, data, keyOf(privateKey, 'private')).toString('base64url'),
  ed25519Verify: (publicKey: Ed25519Jwk, data: Uint8Array, signature: string): boolean => {
    try {
      return verify(null, data, keyOf(publicKey, 'public'), Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  },
};

/** The platform of a worker-thread plugin; `assets` are the files the hub read for it. */
export function nodePlatform(assets: Record<string, Uint8Array>): GuestPlatform {
  return {
    ...nodeCrypto,
    timer: (ms, done) => {
      const timer = setTimeout(done, ms);
      return () => clearTimeout(timer);
    },
    asset: (path) => (Object.hasOwn(assets, path) ? new Uint8Array(assets[path]!) : undefined),
  };
}
