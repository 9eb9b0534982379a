import { PortInUseError } from '@maru/hub';
import { readFileSync } from 'node:fs';
import { UsageError, type CliIo, type ExitCode } from './cli-io.js';
import { build, buildUsage } from './commands/build.js';
import { dev, devUsage } from './commands/dev.js';
import { hub, hubUsage } from './commands/hub.js';
import { pack, packUsage } from './commands/pack.js';
import { sign, signUsage } from './commands/sign.js';
import { validate, validateUsage } from './commands/validate.js';

const COMMANDS: Record<string, { run: (argv: string[], io: CliIo) => Promise<ExitCode>; usage: string }> = {
  build: { run: build, usage: buildUsage },
  validate: { run: validate, usage: validateUsage },
  sign: { run: sign, usage: signUsage },
  pack: { run: pack, usage: packUsage },
  hub: { run: hub, usage: hubUsage },
  dev: { run: dev, usage: devUsage },
};

const USAGE = `Usage: maru <command> [options]

  build      bundle the plugin into dist/plugin.js and write maru-plugin.json
  validate   check the built plugin as a hub will, and print what it asks for
  sign       sign the files the package publishes (maru-signature.json)
  pack       validate, check the signature, then npm pack
  hub        start a local hub with plugins (--plugin <folder>)
  dev        build, run and reload the plugin in this folder on every change

maru <command> --help shows a command's options. Exit codes: 0 ok, 1 problems found, 2 usage error.`;

const version = () =>
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Runs one `maru` command line (without `maru` itself) and resolves with its
 * exit code. Output goes to `io`; nothing calls `process.exit`.
 *
 * @example
 * ```ts
 * const code = await runCli(['validate'], { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`maru: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs throws TypeErrors with a code for unknown options and missing values.
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`maru ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return 2;
    }
    // maru hub and maru dev: the port is theirs to change, with --port.
    if (error instanceof PortInUseError) {
      io.stderr.write(
        `maru ${name}: ${error.message} — stop the other process or choose another port with --port (maru ${name} --port ${error.otherPort})\n`,
      );
      return 1;
    }
    throw error;
  }
}
