/**
 * @packageDocumentation
 * `@maru/cli` — the `maru` command for plugin developers. Run it with
 * `npx maru <command>`; `runCli` runs the same from code.
 */
export { runCli } from './run-cli.js';
export type { CliIo, ExitCode } from './cli-io.js';
export { describeCapabilities, describeContributions } from './describe-plugin.js';
