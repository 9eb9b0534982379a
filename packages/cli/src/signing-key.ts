import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MARU_DIR } from './stage-package.js';

/** An Ed25519 key a publisher signs plugin packages with. */
export interface SigningKey {
  /** `<publisher>-<fingerprint>`: the id a hub registers the public key under. */
  keyId: string;
  privateKeyPem: string;
  /** SPKI PEM, as `registerPublisherKey(publicKey:)` takes it. */
  publicKeyPem: string;
  /** Where the private key is. */
  file: string;
}

export const KEY_FILE = 'signing-key.pem';
export const PUBLIC_KEY_FILE = 'signing-key.pub.pem';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'publisher';

function keyFrom(privateKeyPem: string, publisher: string, file: string): SigningKey {
  const publicKey = createPublicKey(createPrivateKey(privateKeyPem));
  const fingerprint = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 12);
  return {
    keyId: `${slug(publisher)}-${fingerprint}`,
    privateKeyPem,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    file,
  };
}

/** The key file to use: `--key`, else `MARU_SIGNING_KEY` (a path), else `.maru/signing-key.pem` in the plugin folder. */
export function keyFileOf(dir: string, explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  return explicit
    ? resolve(dir, explicit)
    : env.MARU_SIGNING_KEY
      ? resolve(dir, env.MARU_SIGNING_KEY)
      : join(dir, MARU_DIR, KEY_FILE);
}

/** Reads a signing key; `null` when the file does not exist. Throws naming the file when it is not an Ed25519 private key. */
export function readSigningKey(file: string, publisher: string): SigningKey | null {
  if (!existsSync(file)) return null;
  try {
    const pem = readFileSync(file, 'utf8');
    if (createPrivateKey(pem).asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return keyFrom(pem, publisher, file);
  } catch (error) {
    throw new Error(
      `${file}: not an Ed25519 private key in PEM (${(error as Error).message}) — remove it to generate a new one, or pass --key <file>`,
    );
  }
}

/** Generates an Ed25519 key pair into `.maru/` (private key readable by you only). */
export function generateSigningKey(dir: string, publisher: string): SigningKey {
  const folder = join(dir, MARU_DIR);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const file = join(folder, KEY_FILE);
  writeFileSync(file, pem, { mode: 0o600 });
  chmodSync(file, 0o600);
  const key = keyFrom(pem, publisher, file);
  writeFileSync(join(folder, PUBLIC_KEY_FILE), key.publicKeyPem);
  return key;
}

/** The GraphQL mutation a hub's platform admin runs to trust the key. */
export function registrationMutation(key: SigningKey, publisher: string): string {
  return `mutation { registerPublisherKey(keyId: ${JSON.stringify(key.keyId)}, publisher: ${JSON.stringify(publisher)}, publicKey: ${JSON.stringify(key.publicKeyPem)}) { keyId } }`;
}
