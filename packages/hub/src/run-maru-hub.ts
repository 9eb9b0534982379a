import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, type HubConfig } from './config.js';
import { hubUsage } from './hub-usage.js';
import { PortInUseError } from './listen.js';
import { writeAfterLogs } from './logger.js';
import { formatReadyBanner } from './ready-banner.js';
import { runSetup } from './setup-platform.js';
import { runAuditVerify } from './audit-verify.js';
import { startHub, type RunningHub } from './start-hub.js';

const version = () =>
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The `maru-hub` command: `--help` and `--version`, the configuration, the
 * start, and shutdown on SIGINT/SIGTERM. Every failure is one line on stderr:
 * exit 2 for a wrong setting or argument, 1 when the hub cannot start.
 */
export async function runMaruHub(argv: string[]): Promise<void> {
  // A command of its own: it ends when done, and never serves.
  if (argv[0] === 'setup') {
    process.exitCode = await runSetup(argv.slice(1), process.env, process.stdout, process.stderr);
    return;
  }
  if (argv[0] === 'audit' && argv[1] === 'verify') {
    process.exitCode = await runAuditVerify(argv.slice(2), process.env, process.stdout, process.stderr);
    return;
  }
  // Before the configuration, so help works whatever the environment holds.
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(`${hubUsage}\n`);
  if (argv.includes('--version') || argv.includes('-v')) return void process.stdout.write(`${version()}\n`);
  let config: HubConfig;
  try {
    config = loadConfig(process.env, argv);
  } catch (error) {
    if (error instanceof ConfigError) return fail(2, error.message);
    throw error;
  }
  let running: RunningHub;
  try {
    running = await startHub(config);
  } catch (error) {
    // A setting found wrong only at start (an OpenID Connect issuer that cannot be read).
    if (error instanceof ConfigError) return fail(2, error.message);
    if (error instanceof PortInUseError) {
      return fail(
        1,
        `${error.message} — stop the other process or set PORT to another port (PORT=${error.otherPort} npm start)`,
      );
    }
    return fail(1, `failed to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  // For a person at a terminal; pipes, containers and tests get the JSON lines only.
  // The logger writes to stdout too; through it, the banner comes after the ready line.
  if (process.stdout.isTTY) writeAfterLogs(running.logger, formatReadyBanner(config, running));
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      running.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    running.logger.info({ signal }, 'received signal');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`maru-hub: ${message}\n`);
  process.exit(code);
}
