import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubLogger } from '../logger.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

type Body = { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

/**
 * A request that is not a GraphQL-over-HTTP request is the client's mistake: 400 BAD_REQUEST, a message that says
 * what to send, nothing of the parser's own words, and no "unexpected error" in the log. Found by a raw fuzzer (155
 * of 5,500 requests answered INTERNAL with 200).
 */
describe('malformed requests', () => {
  let hub: TestHub;
  const logged: unknown[] = [];
  const logger: HubLogger = {
    debug() {},
    info() {},
    warn() {},
    error: (fields, message) => logged.push({ fields, message }),
    child: () => logger,
  };
  beforeAll(async () => {
    hub = await createTestHub({ rateLimit: false, logger });
  });
  afterAll(() => hub.close());

  const form = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return body;
  };
  const q = encodeURIComponent('{ __typename }');
  const cases: Array<[string, string, RequestInit, RegExp]> = [
    ['GET variables not JSON', `?query=${q}&variables=%7Bbad`, { method: 'GET' }, /"variables" parameter .* JSON/],
    ['GET extensions not JSON', `?query=${q}&extensions=nope`, { method: 'GET' }, /"extensions" parameter .* JSON/],
    [
      'POST body not JSON',
      '',
      { method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } },
      /JSON object/,
    ],
    [
      'POST body JSON but not an object',
      '',
      { method: 'POST', body: '42', headers: { 'content-type': 'application/json' } },
      /JSON object/,
    ],
    [
      'multipart operations not JSON',
      '',
      { method: 'POST', body: form({ operations: '{bad', map: '{}' }) },
      /"operations"/,
    ],
    ['multipart operations missing', '', { method: 'POST', body: form({ map: '{}' }) }, /"operations"/],
    [
      'multipart map not JSON',
      '',
      { method: 'POST', body: form({ operations: '{"query":"{ __typename }"}', map: '{bad' }) },
      /"map"/,
    ],
    [
      'multipart map of the wrong shape',
      '',
      { method: 'POST', body: form({ operations: '{"query":"{ __typename }"}', map: '{"0": 5}' }) },
      /"map"/,
    ],
    [
      'multipart operations null with a map',
      '',
      { method: 'POST', body: form({ operations: 'null', map: '{"0": ["variables.file"]}' }) },
      /"operations"/,
    ],
    [
      'multipart body that is not multipart',
      '',
      { method: 'POST', body: 'not a form', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      /multipart/,
    ],
    ['no query', '', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, /query/],
  ];

  for (const accept of ['application/graphql-response+json', 'application/json']) {
    it.each(cases)(
      `%s: 400 BAD_REQUEST saying what to fix (accepting ${accept})`,
      async (_label, search, init, says) => {
        logged.length = 0;
        const headers = new Headers(init.headers);
        headers.set('accept', accept);
        const response = await hub.fetch(`http://hub.test/graphql${search}`, { ...init, headers });
        const body = (await response.json()) as Body;
        expect(response.status).toBe(400);
        expect(body).not.toHaveProperty('data');
        expect(body.errors).toHaveLength(1);
        expect(body.errors![0]!.extensions).toEqual({ code: 'BAD_REQUEST' });
        expect(body.errors![0]!.message).toMatch(says);
        expect(body.errors![0]!.message).not.toMatch(/position|Unexpected token|Cannot read|is not iterable/);
        expect(logged).toEqual([]);
      },
    );
  }

  it('leaves a body over the size limit to its own refusal: 413 REQUEST_ENTITY_TOO_LARGE', async () => {
    const chunk = new Uint8Array(1 << 20).fill(32);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 30) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await hub.fetch('http://hub.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as Body).errors?.[0]?.extensions).toEqual({ code: 'REQUEST_ENTITY_TOO_LARGE' });
  });

  it('still answers a well-formed request (the wrapper changes nothing else)', async () => {
    const response = await hub.fetch(`http://hub.test/graphql?query=${q}&variables=%7B%7D`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
