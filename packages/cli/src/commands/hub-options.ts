import { LOG_LEVELS, type LogLevel } from '@maru/hub';
import { resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { UsageError, type CliIo } from '../cli-io.js';
import type { DevHubOptions } from '../dev-hub.js';

/** The options `maru hub` and `maru dev` share. */
export const HUB_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  demo: { type: 'boolean', default: false },
  'log-level': { type: 'string' },
} satisfies ParseArgsConfig['options'];

export const HUB_OPTIONS_HELP = `  --port <n>          default 4000 (PORT); 0 picks a free port
  --host <address>    default 127.0.0.1 (HOST)
  --data-dir <folder> the embedded store, default ./.maru-data (MARU_DATA_DIR)
  --demo              also seed the demo organizations, challenges and data
  --log-level <level> the hub's JSON logs on stderr: ${LOG_LEVELS.join(', ')}`;

export function hubOptions(
  values: { port?: string; host?: string; 'data-dir'?: string; demo?: boolean; 'log-level'?: string },
  io: CliIo,
  defaultLevel: LogLevel,
): Omit<DevHubOptions, 'plugins' | 'development'> {
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new UsageError(`--port must be a whole number from 0 to 65535; it is "${values.port}"`);
  const level = (values['log-level'] ?? io.env.LOG_LEVEL ?? defaultLevel).toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}; it is "${level}"`);
  return {
    port,
    host: values.host,
    dataDir: values['data-dir'] && resolve(io.cwd, values['data-dir']),
    demo: values.demo ?? false,
    logLevel: level as LogLevel,
  };
}

/** Resolves when the command is told to stop (Ctrl+C; a test's abort). */
export function stopped(io: CliIo): Promise<void> {
  return new Promise((done) => {
    if (!io.signal || io.signal.aborted) return done();
    io.signal.addEventListener('abort', () => done(), { once: true });
  });
}
