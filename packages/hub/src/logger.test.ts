import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, requestLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('the per-request log line', () => {
  it('is the line pino writes for the same fields, time aside', async () => {
    const { stream, lines } = capture();
    const logger = createLogger('info', stream);
    const fields = {
      requestId: 'trace-1',
      method: 'POST',
      url: '/graphql?query={ "a\\\\b" }\u2028',
      status: 200,
      ms: 1.5,
    };
    requestLogger(logger)(fields);
    logger.info({ ...fields }, 'request');
    requestLogger(logger)({ ...fields, method: undefined });
    logger.info({ ...fields, method: undefined }, 'request');
    await settle();
    const [fast, pinos, fastNoMethod, pinoNoMethod] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(typeof fast!.time).toBe('string');
    const withoutTime = ({ time: _time, ...rest }: Record<string, unknown>) => rest;
    expect(withoutTime(fast!)).toEqual(withoutTime(pinos!));
    expect(Object.keys(fast!)).toEqual(Object.keys(pinos!));
    expect(withoutTime(fastNoMethod!)).toEqual(withoutTime(pinoNoMethod!));
    expect(fast).toMatchObject({ level: 'info', service: 'maru-hub', requestId: 'trace-1', msg: 'request' });
  });

  it('is not written below the logger’s level, and goes through info() for other loggers', async () => {
    const { stream, lines } = capture();
    requestLogger(createLogger('warn', stream))({ requestId: 'r', method: 'GET', url: '/', status: 200, ms: 1 });
    await settle();
    expect(lines).toEqual([]);
    const other = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn(), child: vi.fn() };
    other.child.mockReturnValue(other);
    requestLogger(other)({ requestId: 'r', method: 'GET', url: '/', status: 200, ms: 1 });
    expect(other.info).toHaveBeenCalledWith({ requestId: 'r', method: 'GET', url: '/', status: 200, ms: 1 }, 'request');
  });
});
