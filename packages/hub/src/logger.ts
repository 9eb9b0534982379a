import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/**
 * Structured JSON logs on stdout. Authorization headers and secrets are
 * redacted wherever they appear in logged objects.
 */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'maru-hub' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', '*.authorization', '*.secret', 'secret'], censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination as never,
  );
}
