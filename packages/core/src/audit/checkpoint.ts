import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { MaruError } from '../errors.js';
import type { ChainLink, ChainVerification, HashChain } from './hash-chain.js';

type CheckpointedChain = Pick<HashChain<ChainLink>, 'head' | 'verify'>;

/** The hash-chained logs a hub checkpoints. */
export type CheckpointLog = 'audit' | 'data-access';

/**
 * The head of a hash-chained log at one moment: after `seq` records, the last one's hash was `headHash`. Signed by
 * the hub and published outside the store, it lets anyone detect later truncation and re-hashing.
 */
export interface ChainCheckpoint {
  log: CheckpointLog;
  /** How many records the log held (0 for an empty log). */
  seq: number;
  /** The hash of record `seq` (the genesis hash for an empty log). */
  headHash: string;
  /** When the hub signed it, ISO 8601. */
  at: string;
}

/** A checkpoint with the hub's Ed25519 signature (base64) over its canonical form. */
export interface SignedCheckpoint extends ChainCheckpoint {
  signature: string;
}

/** What signs checkpoints: the hub's key, kept outside the store. */
export interface CheckpointSigner {
  /** The public half, SPKI PEM: what witnesses keep and verification uses. */
  readonly publicKey: string;
  sign(checkpoint: ChainCheckpoint): SignedCheckpoint;
}

const LOGS: readonly CheckpointLog[] = ['audit', 'data-access'];
const HEX_HASH = /^[0-9a-f]{64}$/;

/** The bytes that are signed: a fixed order, a version tag, nothing a JSON re-encoding could change. */
export function checkpointPayload(checkpoint: ChainCheckpoint): Buffer {
  const { log, seq, headHash, at } = checkpoint;
  return Buffer.from(JSON.stringify(['maru-checkpoint-v1', log, seq, headHash, at]), 'utf8');
}

/**
 * Reads an Ed25519 private key given as PKCS8 PEM, or as the base64 of its PKCS8 DER (one line, for an environment
 * variable). Throws a plain Error naming the expected forms; never echoes the key.
 */
export function parseCheckpointKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('the audit signing key must be an Ed25519 private key in PKCS8 PEM, or the base64 of its DER');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 key');
  return key;
}

/** A new Ed25519 private key as PKCS8 PEM, for the hub to keep in its key file. */
export function generateCheckpointKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** A signer over an Ed25519 private key (a KeyObject, or text as `parseCheckpointKey` reads it). */
export function createCheckpointSigner(privateKey: KeyObject | string): CheckpointSigner {
  const key = typeof privateKey === 'string' ? parseCheckpointKey(privateKey) : privateKey;
  const publicKey = createPublicKey(key).export({ format: 'pem', type: 'spki' }).toString();
  return {
    publicKey,
    sign: (checkpoint) => ({
      log: checkpoint.log,
      seq: checkpoint.seq,
      headHash: checkpoint.headHash,
      at: checkpoint.at,
      signature: sign(null, checkpointPayload(checkpoint), key).toString('base64'),
    }),
  };
}

/** Whether `value` is a well-formed signed checkpoint whose signature verifies with `publicKey` (SPKI PEM). */
export function isCheckpointSigned(value: unknown, publicKey: string | KeyObject): value is SignedCheckpoint {
  if (!isWellFormed(value)) return false;
  try {
    const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
    return verify(null, checkpointPayload(value), key, Buffer.from(value.signature, 'base64'));
  } catch {
    return false;
  }
}

function isWellFormed(value: unknown): value is SignedCheckpoint {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    LOGS.includes(c.log as CheckpointLog) &&
    Number.isSafeInteger(c.seq) &&
    (c.seq as number) >= 0 &&
    typeof c.headHash === 'string' &&
    HEX_HASH.test(c.headHash) &&
    typeof c.at === 'string' &&
    !Number.isNaN(Date.parse(c.at)) &&
    typeof c.signature === 'string'
  );
}

/**
 * The checkpoints one log's verification checks against, refused unless each is well formed, of that log, and
 * signed by `publicKey`: a forged checkpoint must not make a rewritten log look whole, nor a whole one look broken.
 */
export function trustedCheckpoints(
  log: CheckpointLog,
  checkpoints: readonly unknown[],
  publicKey: string | KeyObject | null,
): SignedCheckpoint[] {
  if (checkpoints.length === 0) return [];
  if (!publicKey)
    throw new MaruError(
      'AUDIT_CHECKPOINT_INVALID',
      'This hub has no checkpoint key yet, so it cannot tell a signed checkpoint from a forged one; ' +
        'verify with `maru-hub audit verify` on the hub, or without a checkpoint.',
    );
  for (const checkpoint of checkpoints) {
    if (!isCheckpointSigned(checkpoint, publicKey))
      throw new MaruError(
        'AUDIT_CHECKPOINT_INVALID',
        "The checkpoint's signature does not verify with this hub's checkpoint key: it was changed or not signed " +
          'by this hub. Copy it unchanged from GET /audit/checkpoint or the checkpoint file.',
      );
    if (checkpoint.log !== log)
      throw new MaruError(
        'AUDIT_CHECKPOINT_INVALID',
        `The checkpoint is of the ${checkpoint.log} log, not the ${log} log; give one of the ${log} log.`,
      );
  }
  return [...checkpoints] as SignedCheckpoint[];
}

/** Options of a log's `verify`. */
export interface ChainVerifyOptions {
  /**
   * Signed checkpoints to check the log against (each must verify with `publicKey`). Default: the latest checkpoint
   * this hub signed or adopted, when there is one.
   */
  checkpoints?: readonly unknown[];
  /** The key the checkpoints must be signed with, SPKI PEM. Default: the key of the hub's own signer. */
  publicKey?: string | KeyObject;
}

/**
 * One hash-chained log's checkpoints: signing its head, remembering the latest (to verify against when asked without
 * one), and verifying the chain against trusted checkpoints. The log's owner (the audit trail, the data access log)
 * holds one; the hub schedules the signing and publishes the result.
 */
export class ChainCheckpoints {
  #latest: SignedCheckpoint | null = null;
  #publicKey: string | null = null;

  constructor(
    private readonly log: CheckpointLog,
    private readonly chain: CheckpointedChain,
    private readonly now: () => number = Date.now,
  ) {}

  /** Signs the log's head as it is now and remembers it as the latest checkpoint. */
  async sign(signer: CheckpointSigner): Promise<SignedCheckpoint> {
    const head = await this.chain.head();
    const signed = signer.sign({
      log: this.log,
      seq: head.seq,
      headHash: head.hash,
      at: new Date(this.now()).toISOString(),
    });
    this.#latest = signed;
    this.#publicKey = signer.publicKey;
    return signed;
  }

  /**
   * Takes a checkpoint published earlier (the last line of the hub's checkpoint file) as the latest, when it verifies
   * with `publicKey`, and trusts that key for later verifications. Returns whether it was adopted.
   */
  adopt(checkpoint: unknown, publicKey: string): boolean {
    this.#publicKey = publicKey;
    if (!isCheckpointSigned(checkpoint, publicKey) || checkpoint.log !== this.log) return false;
    if (!this.#latest || checkpoint.seq >= this.#latest.seq) this.#latest = checkpoint;
    return true;
  }

  /** The latest checkpoint signed or adopted, with the public key that verifies it; null before the first. */
  latest(): { checkpoint: SignedCheckpoint; publicKey: string } | null {
    return this.#latest && this.#publicKey ? { checkpoint: this.#latest, publicKey: this.#publicKey } : null;
  }

  /** Verifies the chain's links and, against trusted checkpoints, that it was neither truncated nor re-hashed. */
  async verify(options: ChainVerifyOptions = {}): Promise<ChainVerification> {
    const given = options.checkpoints ?? (this.#latest ? [this.#latest] : []);
    const trusted = trustedCheckpoints(this.log, given, options.publicKey ?? this.#publicKey);
    return this.chain.verify(trusted);
  }
}
