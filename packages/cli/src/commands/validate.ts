import { PLUGIN_API_VERSION } from '@maru/sdk';
import { parseArgs } from 'node:util';
import { reportProblems, type CliIo, type ExitCode } from '../cli-io.js';
import { describeCapabilities, describeContributions } from '../describe-plugin.js';
import { inspectPlugin, type Inspection } from '../inspect-plugin.js';
import { LEGACY_WORKERS_ENV } from '../plugin-package.js';
import { folderArg } from './folder-arg.js';

export const validateUsage = `maru validate [folder] [--key <file>]

Checks the built plugin in the folder (default: the current one) as a hub
will: package.json, maru-plugin.json and the bundle maru build made (no
imports, within the size limits, the same manifest), the manifest and its
compatibility with this hub's plugin API (${PLUGIN_API_VERSION}), the assets, the files
npm would publish (none outside "files", no symbolic links) and the
signature. A plugin API 1 package (worker threads, no maru-plugin.json) is a
problem unless ${LEGACY_WORKERS_ENV}=1. Prints what the plugin asks for in plain words.`;

/** The signature, as validate and pack print it. */
export function signatureLine(inspection: Inspection): string {
  const { signature } = inspection;
  if (signature.state === 'unsigned')
    return 'not signed — run maru sign before you publish (hubs refuse unsigned plugins)';
  if (signature.state === 'invalid') return `invalid — ${signature.problem}`;
  return signature.local
    ? `signed with your key ${signature.keyId}; a hub loads it once a platform admin registers the public key (.maru/signing-key.pub.pem)`
    : `signed with key ${signature.keyId} (not in this folder); the files match what was signed`;
}

/** Prints what a checked plugin is and asks for. */
export function printSummary(io: CliIo, inspection: Inspection): void {
  const { manifest, entryPath } = inspection.plugin!;
  const lines = [
    `${manifest.name} ${manifest.version} by ${manifest.publisher} (${entryPath})`,
    `  plugin API: built for ${manifest.compatibility}; this hub implements ${PLUGIN_API_VERSION}`,
    ...describeContributions(manifest).map((line) => `  ${line}`),
    '  what it may do, once a hub grants it:',
    ...describeCapabilities(manifest).map((line) => `    - ${line}`),
    `  signature: ${signatureLine(inspection)}`,
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  for (const warning of inspection.warnings) io.stderr.write(`Warning: ${warning}\n`);
}

export async function validate(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { key: { type: 'string' } },
    allowPositionals: true,
  });
  const dir = folderArg(positionals, io);
  const inspection = await inspectPlugin(dir, { env: io.env, keyFile: values.key });
  inspection.discard();
  if (inspection.plugin) printSummary(io, inspection);
  if (inspection.problems.length)
    return reportProblems(
      io,
      `${inspection.problems.length} problem${inspection.problems.length === 1 ? '' : 's'} found:`,
      inspection.problems,
    );
  io.stdout.write('No problems found.\n');
  return 0;
}
