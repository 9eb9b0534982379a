/**
 * `maru-hub audit verify`: checks the store's audit trail and data access log against every checkpoint in the
 * checkpoint file, and each checkpoint's signature, and prints one line per problem.
 */
import {
  createCheckpointSigner,
  createServices,
  isCheckpointSigned,
  isMaruError,
  silentLogger,
  type CheckpointLog,
  type SignedCheckpoint,
} from '@maru/core';
import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { readCheckpointFile } from './audit-checkpoints.js';
import { ConfigError, loadConfig, type HubConfig } from './config.js';
import { openStore } from './open-store.js';

export const auditVerifyUsage = `Usage: maru-hub audit verify [--checkpoints <file>] [--public-key <file>]

Checks the audit trail and the data access log in the store the hub is configured
for (MARU_DATA_DIR or MONGODB_URI, as for maru-hub): every hash link, and against
every checkpoint in the checkpoint file that no event was removed from the end
(TRUNCATED) and none rewritten with every later hash recomputed (REHASHED). Each
checkpoint's signature must verify with the hub's key. Prints one line per problem
on stderr and a summary on stdout; exits 0 when all is well, 1 on any problem.

Options:
  --checkpoints <file>   the checkpoint file, default MARU_AUDIT_CHECKPOINT_FILE
                         (<data dir>/audit-checkpoints.jsonl); a witness's own copy works too
  --public-key <file>    the hub's public key (SPKI PEM, as GET /audit/checkpoint gives it);
                         default: derived from MARU_AUDIT_SIGNING_KEY or MARU_AUDIT_KEY_FILE
  -h, --help             print this help and exit`;

interface VerifyArgs {
  checkpoints?: string;
  publicKey?: string;
  rest: string[];
}

function parseArgs(argv: readonly string[]): VerifyArgs {
  const args: VerifyArgs = { rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    if (flag === '--checkpoints' || flag === '--public-key') {
      const value = inline ?? argv[++i];
      if (!value) throw new ConfigError(`${flag} needs a file; run maru-hub audit verify --help.`);
      if (flag === '--checkpoints') args.checkpoints = value;
      else args.publicKey = value;
    } else args.rest.push(arg);
  }
  return args;
}

function publicKeyOf(args: VerifyArgs, config: HubConfig): string {
  if (args.publicKey) {
    try {
      return createPublicKey(readFileSync(args.publicKey, 'utf8')).export({ format: 'pem', type: 'spki' }).toString();
    } catch {
      throw new ConfigError(`--public-key ${args.publicKey}: not a readable public key in PEM.`);
    }
  }
  const key =
    config.auditSigningKey ?? (existsSync(config.auditKeyFile) ? readFileSync(config.auditKeyFile, 'utf8') : null);
  if (!key)
    throw new ConfigError(
      `no checkpoint key: set MARU_AUDIT_SIGNING_KEY or MARU_AUDIT_KEY_FILE as the hub has them (${config.auditKeyFile} does not exist), or give --public-key.`,
    );
  try {
    return createCheckpointSigner(key).publicKey;
  } catch (error) {
    throw new ConfigError(`the checkpoint key: ${(error as Error).message}`);
  }
}

const NOUN: Record<CheckpointLog, string> = { audit: 'audit trail', 'data-access': 'data access log' };

/** Runs `maru-hub audit verify`; resolves with the exit code (0 all well, 1 a problem, 2 wrong arguments). */
export async function runAuditVerify(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(`${auditVerifyUsage}\n`);
    return 0;
  }
  let config: HubConfig;
  let args: VerifyArgs;
  let publicKey: string;
  try {
    args = parseArgs(argv);
    config = loadConfig(env, args.rest);
    publicKey = publicKeyOf(args, config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err.write(`maru-hub audit verify: ${error.message}\n`);
    return 2;
  }
  const file = args.checkpoints ?? config.auditCheckpointFile;
  const problems: string[] = [];
  if (!existsSync(file)) problems.push(`${file}: no checkpoint file; only the hash links can be checked`);
  const trusted: Record<CheckpointLog, SignedCheckpoint[]> = { audit: [], 'data-access': [] };
  for (const { line, checkpoint, error } of readCheckpointFile(file)) {
    if (error) problems.push(`${file}:${line}: ${error}`);
    else if (!isCheckpointSigned(checkpoint, publicKey))
      problems.push(`${file}:${line}: the signature does not verify with the hub's key (forged or edited checkpoint)`);
    else trusted[checkpoint.log].push(checkpoint);
  }
  const store = await openStore(config);
  try {
    const services = await createServices(store, Date.now, silentLogger);
    const chains = { audit: services.audit, 'data-access': services.data.accessLog } as const;
    for (const log of ['audit', 'data-access'] as const) {
      const result = await chains[log].verify({ checkpoints: trusted[log], publicKey });
      for (const problem of result.problems)
        problems.push(`${log}: ${problem.check} at ${problem.seq}: ${problem.reason}`);
      out.write(
        `${NOUN[log]}: ${result.ok ? 'ok' : 'NOT OK'}, ${result.checked} records checked against ${trusted[log].length} ` +
          `checkpoints${result.checkpointSeq === null ? '' : ` (the latest at ${result.checkpointSeq})`}\n`,
      );
    }
  } catch (error) {
    if (!isMaruError(error)) throw error;
    problems.push(`${error.message} (${error.code})`);
  } finally {
    await store.close();
  }
  for (const problem of problems) err.write(`maru-hub audit verify: ${problem}\n`);
  return problems.length ? 1 : 0;
}
