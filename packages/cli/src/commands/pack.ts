import { packageDigest, SIGNATURE_FILE, type PackageSignature } from '@maru/core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportProblems, type CliIo, type ExitCode } from '../cli-io.js';
import { inspectPlugin } from '../inspect-plugin.js';
import { runNpm } from '../run-npm.js';
import { folderArg } from './folder-arg.js';
import { printSummary } from './validate.js';

export const packUsage = `maru pack [folder] [--pack-destination <folder>] [--key <file>]

Runs the checks of maru validate, requires a valid signature, then npm pack;
and checks that the tarball holds exactly the files that were signed.`;

export async function pack(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { key: { type: 'string' }, 'pack-destination': { type: 'string' } },
    allowPositionals: true,
  });
  const dir = folderArg(positionals, io);
  const inspection = await inspectPlugin(dir, { env: io.env, keyFile: values.key });
  inspection.discard();
  if (inspection.plugin) printSummary(io, inspection);
  const problems = [...inspection.problems];
  if (inspection.plugin && inspection.signature.state === 'unsigned')
    problems.push(`${SIGNATURE_FILE}: not found — run maru sign after the build, then maru pack`);
  if (problems.length) return reportProblems(io, 'Not packed:', problems);
  const destination = resolve(io.cwd, values['pack-destination'] ?? '.');
  const report = JSON.parse(
    await runNpm(['pack', '--json', '--pack-destination', destination], dir, io.env).then((out) =>
      out.slice(out.indexOf('[')),
    ),
  ) as Array<{ filename: string; entryCount: number }>;
  const tarball = join(destination, report[0]!.filename);
  // The tarball is what hubs install: its files must be the ones signed (a prepack script may have rebuilt them).
  const scratch = mkdtempSync(join(tmpdir(), 'maru-pack-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', scratch]);
    const signature = JSON.parse(readFileSync(join(scratch, 'package', SIGNATURE_FILE), 'utf8')) as PackageSignature;
    if (packageDigest(join(scratch, 'package')) !== signature.digest) {
      rmSync(tarball, { force: true });
      return reportProblems(io, 'Not packed:', [
        `${report[0]!.filename}: its files differ from the signed ones (a prepack or prepare script changed them?) — run the build, maru sign, then maru pack without rebuilding`,
      ]);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  io.stdout.write(
    `Packed ${tarball} (${report[0]!.entryCount} files); its signature matches its files.\nPublish it with: npm publish ${report[0]!.filename}\n`,
  );
  return 0;
}
