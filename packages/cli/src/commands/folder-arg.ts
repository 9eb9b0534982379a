import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type CliIo } from '../cli-io.js';

/** The plugin folder a command works on: its one positional argument, or the current folder. */
export function folderArg(positionals: string[], io: CliIo): string {
  if (positionals.length > 1)
    throw new UsageError(`expected one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const dir = resolve(io.cwd, positionals[0] ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
  return dir;
}
