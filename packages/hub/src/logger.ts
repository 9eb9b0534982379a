import type { HubLogger } from '@maru/core';
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** The fields of the one line logged per HTTP request. */
export interface RequestLine {
  requestId: string;
  method: string | undefined;
  url: string | undefined;
  status: number;
  ms: number;
}

const requestLines = new WeakMap<object, (line: RequestLine) => void>();

/**
 * Structured JSON logs on stdout. Authorization headers and secrets are
 * redacted wherever they appear in logged objects.
 */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  const logger = pino(
    {
      level,
      base: { service: 'maru-hub' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', '*.authorization', '*.secret', 'secret'], censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination as never,
  );
  requestLines.set(logger, requestLineWriter(logger));
  return logger;
}

/**
 * Writes the per-request line. For a logger made by {@link createLogger} the
 * line is composed directly, in the very format pino writes (level, time, the
 * logger's bindings, the fields, msg), into pino's own destination: pino's
 * generic path (redaction, serializers) cost a cached answer about a third of
 * its throughput, and these fields hold no secrets — the request id is checked
 * or generated, the method is parsed by Node, the URL is JSON-escaped. Any
 * other logger gets an ordinary `info` call.
 */
export function requestLogger(logger: HubLogger): (line: RequestLine) => void {
  return requestLines.get(logger) ?? ((line) => logger.info({ ...line }, 'request'));
}

/**
 * Writes text into the logger's own destination, behind the lines logged
 * before it: pino writes asynchronously, so a direct `process.stdout.write`
 * can overtake them.
 */
export function writeAfterLogs(logger: Logger, text: string): void {
  destinationOf(logger).write(text);
}

function destinationOf(logger: Logger): { write(chunk: string): unknown } {
  return (logger as unknown as Record<symbol, { write(chunk: string): unknown }>)[pino.symbols.streamSym]!;
}

function requestLineWriter(logger: Logger): (line: RequestLine) => void {
  const stream = destinationOf(logger);
  const bindings = (logger as unknown as Record<symbol, string>)[pino.symbols.chindingsSym] ?? '';
  return (line) => {
    if (!logger.isLevelEnabled('info')) return;
    // As pino does, a field that is undefined is left out.
    const method = line.method === undefined ? '' : `,"method":${JSON.stringify(line.method)}`;
    const url = line.url === undefined ? '' : `,"url":${JSON.stringify(line.url)}`;
    stream.write(
      `{"level":"info","time":"${new Date().toISOString()}"${bindings},"requestId":${JSON.stringify(line.requestId)}${method}${url},"status":${line.status},"ms":${line.ms},"msg":"request"}\n`,
    );
  };
}
