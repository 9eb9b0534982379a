import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError, type ConnectorContext, type SourceItem } from './connector.js';
import { httpJsonConnector, type HttpJsonConfig } from './http-json-connector.js';

const LARGE_COUNT = 200_000;
let server: Server;
let base: string;
const requests: string[] = [];
/** The large body: the server writes its first record, then waits for the test to have received it. */
const large = { firstReceived: () => {}, finished: false };
let slowClosed: Promise<void>;

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => unknown> = {
  '/flat': (_req, res) => json(res, 200, [{ id: 1 }, { id: 2 }]),
  '/nested': (_req, res) =>
    json(res, 200, {
      response: { header: { code: '00' }, body: { items: [{ id: 'a' }, { id: 'b' }], totalCount: 2 } },
    }),
  '/auth': (req, res) =>
    req.headers['x-api-key'] === 'k3y-value' ? json(res, 200, [{ ok: true }]) : json(res, 401, { error: 'bad key' }),
  '/fail': (_req, res) => json(res, 500, { error: 'down' }),
  '/mixed': (_req, res) => json(res, 200, [{ a: 1 }, 2, null, [3], { b: 4 }]),
  '/redirect': (_req, res) => res.writeHead(302, { location: '/flat' }).end(),
  '/malformed': (_req, res) => res.writeHead(200).end('[{"a":1},{"b":2}, {"c": tru'),
  '/silent': (_req, res) => void res.writeHead(200).write('[{"a":1},'),
  '/large': async (_req, res) => {
    const received = new Promise<void>((resolve) => (large.firstReceived = resolve));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":{"rows":[{"n":0}');
    // If the connector waited for the whole body this would never come; give up after 10 s so the test fails instead of hanging.
    await Promise.race([received, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    for (let start = 1; start < LARGE_COUNT; start += 1000) {
      const chunk = Array.from({ length: Math.min(1000, LARGE_COUNT - start) }, (_, i) => `,{"n":${start + i}}`).join(
        '',
      );
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end(']}}');
    large.finished = true;
  },
  '/endless': (_req, res) => {
    res.writeHead(200);
    res.write('[');
    let n = 0;
    const timer = setInterval(() => res.write(`${n++ ? ',' : ''}{"n":${n}}`), 5);
    slowClosed = new Promise((resolve) => res.once('close', () => resolve(clearInterval(timer))));
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    requests.push(path);
    const route = routes[path];
    if (route) void route(req, res);
    else json(res, 404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const context = (options: Partial<ConnectorContext> = {}): ConnectorContext => ({
  signal: new AbortController().signal,
  importDir: '/nonexistent',
  allowedHosts: [new URL(base).host],
  secret: (name) => (name === 'DATA_KEY' ? 'k3y-value' : undefined),
  ...options,
});

async function readAll(
  config: Partial<HttpJsonConfig> & { url: string },
  options: Partial<ConnectorContext> = {},
): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const checked = httpJsonConnector.checkConfig({ ...config, url: base + config.url }, context());
  for await (const item of httpJsonConnector.read(checked, context(options))) items.push(item);
  return items;
}

describe('httpJsonConnector', () => {
  it('reads each object of a top-level array, positioned by index', async () => {
    expect(await readAll({ url: '/flat' })).toEqual([
      { kind: 'record', values: { id: 1 }, position: 'index 0' },
      { kind: 'record', values: { id: 2 }, position: 'index 1' },
    ]);
  });

  it('reads the array at recordsPath inside the body', async () => {
    const items = await readAll({ url: '/nested?pageNo=1', recordsPath: 'response.body.items' });
    expect(items.map((item) => item.kind === 'record' && item.values)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('says when recordsPath finds no array, or the body is not one', async () => {
    await expect(readAll({ url: '/nested', recordsPath: 'response.body.rows' })).rejects.toThrow(
      new SourceError('no array at response.body.rows in the response'),
    );
    await expect(readAll({ url: '/nested', recordsPath: 'response.header' })).rejects.toThrow(
      new SourceError('no array at response.header in the response'),
    );
    await expect(readAll({ url: '/nested' })).rejects.toThrow(/is not a JSON array; set recordsPath/);
  });

  it('sends the auth header from the named secret', async () => {
    expect(await readAll({ url: '/auth', authHeader: { name: 'X-Api-Key', secret: 'DATA_KEY' } })).toEqual([
      { kind: 'record', values: { ok: true }, position: 'index 0' },
    ]);
  });

  it('names a missing secret and sends no request', async () => {
    const before = requests.length;
    await expect(readAll({ url: '/auth', authHeader: { name: 'X-Api-Key', secret: 'OTHER_KEY' } })).rejects.toThrow(
      new SourceError(
        'The secret "OTHER_KEY" for the X-Api-Key header is not set on this hub; ask the operator to set it',
      ),
    );
    expect(requests.length).toBe(before);
  });

  it('reports an HTTP error status without the query string', async () => {
    await expect(readAll({ url: '/fail?serviceKey=hush' })).rejects.toThrow(
      new SourceError(`${base}/fail answered HTTP 500`),
    );
  });

  it('reports elements that are not objects as problems and reads on', async () => {
    expect(await readAll({ url: '/mixed' })).toEqual([
      { kind: 'record', values: { a: 1 }, position: 'index 0' },
      { kind: 'problem', reason: 'record 1 is not an object', position: 'index 1' },
      { kind: 'problem', reason: 'record 2 is not an object', position: 'index 2' },
      { kind: 'problem', reason: 'record 3 is not an object', position: 'index 3' },
      { kind: 'record', values: { b: 4 }, position: 'index 4' },
    ]);
  });

  it('refuses redirects, malformed JSON and a silent server as source errors', async () => {
    await expect(readAll({ url: '/redirect' })).rejects.toThrow(/cannot be reached: .*redirect/);
    await expect(readAll({ url: '/malformed' })).rejects.toThrow(/is not valid JSON: Parser cannot parse input/);
    await expect(readAll({ url: '/silent', timeoutMs: 300 })).rejects.toThrow(
      new SourceError(`${base}/silent did not answer within 300 ms`),
    );
  });

  it('refuses hosts the operator did not allow, and odd configs, naming the field', () => {
    const refused = (config: unknown, field: string, allowedHosts = [new URL(base).host]) =>
      expect(() => httpJsonConnector.checkConfig(config, { importDir: '', allowedHosts })).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { field } }),
      );
    refused({ url: 'https://example.com/data.json' }, 'connector.url');
    refused({ url: `${base}/flat` }, 'connector.url', ['127.0.0.1:1']);
    refused({ url: 'ftp://127.0.0.1/data.json' }, 'connector.url', ['*']);
    refused({ url: 'https://user:pw@example.com/' }, 'connector.url', ['*']);
    refused({ url: `${base}/flat`, timeoutMs: 300_001 }, 'connector.timeoutMs');
    refused({ url: `${base}/flat`, recordsPath: 'a..b' }, 'connector.recordsPath');
    refused(
      { url: `${base}/flat`, authHeader: { name: 'X-Api-Key', secret: 'Bearer abc123!' } },
      'connector.authHeader.secret',
    );
    expect(
      httpJsonConnector.checkConfig({ url: 'https://example.com/data.json' }, { importDir: '', allowedHosts: ['*'] }),
    ).toEqual({ url: 'https://example.com/data.json', recordsPath: '', timeoutMs: 30_000 });
    expect(
      httpJsonConnector.checkConfig({ url: `${base}/flat` }, { importDir: '', allowedHosts: ['127.0.0.1'] }).url,
    ).toBe(`${base}/flat`);
  });

  it('stops reading and closes the connection when the sync is cancelled', async () => {
    const controller = new AbortController();
    const seen: SourceItem[] = [];
    const reading = (async () => {
      for await (const item of httpJsonConnector.read(
        { url: `${base}/endless` },
        context({ signal: controller.signal }),
      )) {
        seen.push(item);
        if (seen.length === 3) controller.abort();
      }
    })();
    await expect(reading).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(3);
    await slowClosed;
  });

  it(`streams a large body: the first of ${LARGE_COUNT} records arrives before the server has written the rest`, async () => {
    let finishedAtFirst: boolean | undefined;
    let count = 0;
    for await (const item of httpJsonConnector.read({ url: `${base}/large`, recordsPath: 'data.rows' }, context())) {
      if (count === 0) {
        finishedAtFirst = large.finished;
        large.firstReceived();
      }
      if (item.kind === 'record' && item.values.n === count) count++;
    }
    expect(finishedAtFirst).toBe(false);
    expect(count).toBe(LARGE_COUNT);
    expect(large.finished).toBe(true);
  });
});
