import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** The file a signed plugin package carries beside its package.json. */
export const SIGNATURE_FILE = 'maru-signature.json';

export interface PackageSignature {
  algorithm: 'ed25519';
  /** Which of the publisher's registered keys signed it. */
  keyId: string;
  /** SHA-256 over every file of the package (paths and contents), hex. */
  digest: string;
  /** Ed25519 signature of `digest`, base64. */
  signature: string;
}

/**
 * `files`: the SHA-256 (hex) of each file the digest covered, by package-relative path: what a loader compares the
 * bytes it runs with.
 */
export type SignatureCheck =
  { ok: true; keyId: string; files: ReadonlyMap<string, string> } | { ok: false; reason: string };

/** A registered publisher key: its PEM and the publisher it speaks for. */
export interface TrustedKey {
  publicKey: string;
  publisher: string;
}

/**
 * Left out of the digest, at the package root only: anything deeper — a nested node_modules included — is covered.
 */
const SKIPPED_AT_ROOT = new Set(['.git', '.turbo', SIGNATURE_FILE]);

function* files(dir: string, root = dir): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    if (dir === root && SKIPPED_AT_ROOT.has(name)) continue;
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) yield* files(path, root);
    else yield path;
  }
}

/**
 * A digest of a whole package folder: each file's path (with `/`) and the
 * SHA-256 of its content, in sorted order. Adding, removing, renaming or
 * changing any file changes it.
 */
export function packageDigest(dir: string): string {
  return digestWithFiles(dir).digest;
}

/** The package digest and the SHA-256 of each file it covered. */
function digestWithFiles(dir: string): { digest: string; files: Map<string, string> } {
  const hash = createHash('sha256');
  const hashes = new Map<string, string>();
  for (const path of files(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    // A symbolic link is digested as its target's path, never followed: swapping where it points changes the digest.
    const content = lstatSync(path).isSymbolicLink()
      ? Buffer.from(`symlink:${readlinkSync(path)}`)
      : readFileSync(path);
    const fileHash = createHash('sha256').update(content).digest('hex');
    hashes.set(name, fileHash);
    hash.update(`${name}\u0000${fileHash}\n`);
  }
  return { digest: hash.digest('hex'), files: hashes };
}

/** Signs a built package folder with a publisher's Ed25519 private key (PEM) and writes its signature file. */
export function signPackage(dir: string, privateKeyPem: string, keyId: string): PackageSignature {
  const digest = packageDigest(dir);
  const signature: PackageSignature = {
    algorithm: 'ed25519',
    keyId,
    digest,
    signature: sign(null, Buffer.from(digest), createPrivateKey(privateKeyPem)).toString('base64'),
  };
  writeFileSync(join(dir, SIGNATURE_FILE), `${JSON.stringify(signature, null, 2)}\n`);
  return signature;
}

/** Checks a package folder against the publisher keys platform admins registered (`keyId` → PEM). */
export function verifyPackage(dir: string, trustedKeys: ReadonlyMap<string, TrustedKey>): SignatureCheck {
  const file = join(dir, SIGNATURE_FILE);
  if (!existsSync(file))
    return { ok: false, reason: `the package is not signed (no ${SIGNATURE_FILE}); sign it with its publisher's key` };
  let signature: PackageSignature;
  try {
    signature = JSON.parse(readFileSync(file, 'utf8')) as PackageSignature;
  } catch {
    return { ok: false, reason: `${SIGNATURE_FILE} is not valid JSON` };
  }
  if (signature.algorithm !== 'ed25519')
    return { ok: false, reason: `unsupported signature algorithm "${signature.algorithm}"; use ed25519` };
  const publicKey = trustedKeys.get(signature.keyId)?.publicKey;
  if (!publicKey)
    return {
      ok: false,
      reason:
        `the signing key "${signature.keyId}" is not registered; ` +
        `a platform admin registers the publisher's public key`,
    };
  let digested: ReturnType<typeof digestWithFiles>;
  try {
    digested = digestWithFiles(dir);
  } catch (error) {
    return {
      ok: false,
      reason:
        `the package could not be read whole (${(error as NodeJS.ErrnoException).code ?? 'error'}); ` +
        `it changed while it was checked, try again`,
    };
  }
  if (digested.digest !== signature.digest)
    return {
      ok: false,
      reason: 'the package was modified after it was signed (its files do not match the signed digest)',
    };
  const valid = verify(
    null,
    Buffer.from(signature.digest),
    createPublicKey(publicKey),
    Buffer.from(signature.signature, 'base64'),
  );
  return valid
    ? { ok: true, keyId: signature.keyId, files: digested.files }
    : { ok: false, reason: 'the signature does not match the registered key' };
}

/** The package folder of a module: the nearest folder above it holding a package.json. */
export function packageDirOf(entry: string): string {
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return dirname(entry);
    dir = parent;
  }
  return dir;
}
