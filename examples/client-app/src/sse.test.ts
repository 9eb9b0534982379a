import { describe, expect, it } from 'vitest';
import { parseEventStream } from './sse.js';

async function collect(chunks: string[]) {
  const events = [];
  for await (const event of parseEventStream(
    (async function* () {
      yield* chunks;
    })(),
  ))
    events.push(event);
  return events;
}

describe('parseEventStream', () => {
  it('reads events split across chunks, skipping pings and comments', async () => {
    expect(await collect([':\n\n', 'event: next\nda', 'ta: {"a":1}\n\n', 'event: complete\ndata:\n\n'])).toEqual([
      { event: 'next', data: '{"a":1}' },
      { event: 'complete', data: '' },
    ]);
  });

  it('joins multi-line data, accepts CRLF and defaults the event name', async () => {
    expect(await collect(['data: one\r\ndata: two\r\n\r\n'])).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});
