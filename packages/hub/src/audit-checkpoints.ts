import {
  createCheckpointSigner,
  generateCheckpointKey,
  isCheckpointSigned,
  type CheckpointLog,
  type CheckpointSigner,
  type Hub,
  type HubLogger,
  type SignedCheckpoint,
} from '@maru/core';
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { HubConfig } from './config.js';

type CheckpointSettings = Pick<
  HubConfig,
  'auditSigningKey' | 'auditKeyFile' | 'auditCheckpointFile' | 'auditCheckpointIntervalMs'
>;

/**
 * The checkpoint key: `MARU_AUDIT_SIGNING_KEY` when set, else the key file, created (mode 0600, never overwritten)
 * when absent. Kept outside the store, so whoever can rewrite the store cannot sign a checkpoint for what they wrote.
 */
export async function loadCheckpointSigner(settings: CheckpointSettings, logger: HubLogger): Promise<CheckpointSigner> {
  if (settings.auditSigningKey) return signerOrExplain(settings.auditSigningKey, 'MARU_AUDIT_SIGNING_KEY');
  const file = settings.auditKeyFile;
  if (!existsSync(file)) {
    await mkdir(dirname(file), { recursive: true });
    // `wx`: another instance starting at the same moment keeps its own key rather than one half-written.
    writeFileSync(file, generateCheckpointKey(), { mode: 0o600, flag: 'wx' });
    logger.info({ file }, 'created the audit checkpoint key; back it up apart from the store');
  } else if ((statSync(file).mode & 0o077) !== 0) {
    logger.warn({ file }, 'the audit checkpoint key file is readable by others than its owner; chmod 600 it');
  }
  return signerOrExplain(readFileSync(file, 'utf8'), file);
}

function signerOrExplain(key: string, source: string): CheckpointSigner {
  try {
    return createCheckpointSigner(key);
  } catch (error) {
    throw new Error(`${source}: ${(error as Error).message}`);
  }
}

/** One line of the checkpoint file: the checkpoint when it parses, else why not. */
export interface CheckpointLine {
  line: number;
  checkpoint: unknown;
  error: string | null;
}

/** The checkpoint file's lines, in order; none when the file does not exist. */
export function readCheckpointFile(file: string): CheckpointLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => {
      try {
        return { line, checkpoint: JSON.parse(text) as unknown, error: null };
      } catch {
        return { line, checkpoint: null, error: 'not JSON' };
      }
    });
}

/** The last checkpoint of `log` in the file that verifies with `publicKey`. */
function lastSigned(lines: CheckpointLine[], log: CheckpointLog, publicKey: string): SignedCheckpoint | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const { checkpoint } = lines[i]!;
    if (isCheckpointSigned(checkpoint, publicKey) && checkpoint.log === log) return checkpoint;
  }
  return null;
}

const LOGS = (hub: Hub) =>
  [
    ['audit', hub.services.audit],
    ['data-access', hub.services.data.accessLog],
  ] as const;

/**
 * Checkpoints the audit trail and the data access log: at start (after checking the store against the last published
 * checkpoints, so a store rewritten while the hub was down is reported before a new checkpoint could bless it), every
 * `auditCheckpointIntervalMs` when the head moved, and at `stop()`. Each is appended to the checkpoint file and
 * logged as a line of its own; `GET /audit/checkpoint` serves the latest.
 */
export async function startCheckpoints(
  hub: Hub,
  logger: HubLogger,
  settings: CheckpointSettings,
): Promise<{ publicKey: string; stop(): Promise<void> }> {
  const signer = await loadCheckpointSigner(settings, logger);
  const lines = readCheckpointFile(settings.auditCheckpointFile);
  for (const [log, chain] of LOGS(hub)) {
    const last = lastSigned(lines, log, signer.publicKey);
    chain.adoptCheckpoint(last, signer.publicKey);
    if (!last) continue;
    const result = await chain.verify();
    if (!result.ok)
      for (const problem of result.problems)
        logger.error({ log, ...problem }, `${log} log does not match its last checkpoint: ${problem.reason}`);
  }
  await mkdir(dirname(settings.auditCheckpointFile), { recursive: true });
  const checkpointAll = async () => {
    for (const [log, chain] of LOGS(hub)) {
      const before = chain.latestCheckpoint()?.checkpoint;
      const head = await chain.checkpoint(signer);
      if (before && before.seq === head.seq && before.headHash === head.headHash) continue;
      appendFileSync(settings.auditCheckpointFile, `${JSON.stringify(head)}\n`, { mode: 0o600 });
      logger.info({ checkpoint: head, log }, 'audit checkpoint');
    }
  };
  await checkpointAll();
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= checkpointAll()
      .catch((error: unknown) => logger.error({ err: error }, 'audit checkpoint failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = settings.auditCheckpointIntervalMs > 0 ? setInterval(tick, settings.auditCheckpointIntervalMs) : null;
  timer?.unref();
  return {
    publicKey: signer.publicKey,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
      await checkpointAll();
    },
  };
}
