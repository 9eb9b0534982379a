import { SIGNATURE_FILE, signPackage } from '@maru/core';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { reportProblems, type CliIo, type ExitCode } from '../cli-io.js';
import { inspectPlugin, type Inspection } from '../inspect-plugin.js';
import { generateSigningKey, keyFileOf, registrationMutation } from '../signing-key.js';
import { MARU_DIR } from '../stage-package.js';
import { folderArg } from './folder-arg.js';

export const signUsage = `maru sign [folder] [--key <file>]

Signs the files the package publishes (npm pack's list) with your Ed25519
key and writes ${SIGNATURE_FILE}, which hubs check against the publisher keys
their admins registered. The key is .maru/signing-key.pem (made on the first
run; keep it private), or --key <file>, or the file MARU_SIGNING_KEY names.
Sign after every build.`;

export async function sign(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { key: { type: 'string' } },
    allowPositionals: true,
  });
  const dir = folderArg(positionals, io);
  const inspection = await inspectPlugin(dir, { env: io.env, keyFile: values.key });
  try {
    return signInspected(dir, inspection, values.key, io);
  } finally {
    inspection.discard();
  }
}

function signInspected(dir: string, inspection: Inspection, keyOption: string | undefined, io: CliIo): ExitCode {
  // An outdated signature is what signing fixes; everything else must be fixed first.
  const problems = inspection.problems.filter((p) => !p.startsWith(`${SIGNATURE_FILE}:`));
  if (problems.length || !inspection.plugin || !inspection.stageDir)
    return reportProblems(io, 'Fix these before signing:', problems);
  const { manifest } = inspection.plugin;
  let key = inspection.key;
  if (!key) {
    const file = keyFileOf(dir, keyOption, io.env);
    if (file !== join(dir, MARU_DIR, 'signing-key.pem'))
      return reportProblems(io, 'No signing key:', [
        `${file}: not found — pass the path of your Ed25519 private key (PEM), or leave out --key and MARU_SIGNING_KEY to use .maru/signing-key.pem`,
      ]);
    key = generateSigningKey(dir, manifest.publisher);
    io.stdout.write(
      `Made a signing key: ${relative(dir, key.file)} (private: keep it out of git and off other machines; back it up).\n`,
    );
    const gitignore = join(dir, '.gitignore');
    if (existsSync(gitignore) && !/^\/?\.maru\/?$/m.test(readFileSync(gitignore, 'utf8')))
      io.stderr.write(
        `Warning: .gitignore does not list ${MARU_DIR}/ — add it, or your private key may be committed.\n`,
      );
  }
  const signature = signPackage(inspection.stageDir, key.privateKeyPem, key.keyId);
  copyFileSync(join(inspection.stageDir, SIGNATURE_FILE), join(dir, SIGNATURE_FILE));
  io.stdout.write(
    [
      `Signed ${manifest.name} ${manifest.version} (digest ${signature.digest.slice(0, 16)}…) with key ${key.keyId}: wrote ${SIGNATURE_FILE}.`,
      '',
      `A hub loads it once a platform admin trusts your public key (${MARU_DIR}/signing-key.pub.pem for the default key):`,
      `  ${registrationMutation(key, manifest.publisher)}`,
      '`maru hub` registers it on its local hub by itself. Sign again after every build.',
      '',
    ].join('\n'),
  );
  return 0;
}
