import { runCli } from './run-cli.js';

/**
 * The `maru` process: Ctrl+C (or SIGTERM) ends a running `maru hub` or
 * `maru dev` gracefully, a second one at once; the exit code is the command's.
 */
export function runMaru(argv: string[]): void {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = () => {
    // A second Ctrl+C ends at once, without waiting for in-flight requests.
    if (++signals > 1) process.exit(1);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`maru: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
