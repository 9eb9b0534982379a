import { readdir, stat } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDataTestHub, type DataTestHub } from '../testing/data-test-hub.js';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

const BOUNDARY = 'maru-test-boundary';
const UPLOAD = 'mutation($id: ID!, $file: File!) { uploadDataFile(id: $id, file: $file) { sync { trigger } } }';

/** A multipart request body (GraphQL multipart request spec) whose file is `rows` made on demand, never held whole. */
function multipart(id: string, header: string, row: string, rows: number, onChunk: (bytes: number) => void = () => {}) {
  const head =
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n` +
    JSON.stringify({ query: UPLOAD, variables: { id, file: null } }) +
    `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}` +
    `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="big.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${header}`;
  const tail = `\r\n--${BOUNDARY}--\r\n`;
  const perChunk = 1024;
  const chunk = Buffer.from(row.repeat(perChunk));
  async function* body() {
    yield Buffer.from(head);
    for (let i = 0; i < rows; i += perChunk) {
      const part = i + perChunk <= rows ? chunk : Buffer.from(row.repeat(rows - i));
      onChunk(part.length);
      yield part;
    }
    yield Buffer.from(tail);
  }
  const fileBytes = Buffer.byteLength(header) + Buffer.byteLength(row) * rows;
  return {
    stream: Readable.from(body()),
    length: Buffer.byteLength(head) - Buffer.byteLength(header) + fileBytes + tail.length,
    fileBytes,
  };
}

async function listen(hub: TestHub): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => void hub.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Sends `body` over HTTP; resolves with the answer as soon as it comes, whether or not the body was all sent. */
function send(
  port: number,
  body: Readable,
  headers: Record<string, string | number>,
): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path: '/graphql', method: 'POST', headers }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        body.destroy();
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      });
    });
    // The hub may answer and close while the rest of the body is on its way.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    body.pipe(req);
  });
}

describe('uploads honour the upload limit end to end; other bodies keep a small one', () => {
  let t: DataTestHub;
  let port: number;
  let server: Server;
  beforeAll(async () => {
    t = await createDataTestHub();
    ({ server, port } = await listen(t.hub));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.hub.close();
  });

  it('takes a 100 MB CSV upload over HTTP, streamed to disk, and removes its temporary file after answering', async () => {
    // 100 MiB of rows, made as they are sent.
    const body = multipart(t.ids.publicId, 'site,name\n', 'F0000001,Mapo Sports Center and Library\n', 2_912_711);
    expect(body.fileBytes).toBeGreaterThan(100 * 1024 * 1024);
    // While the resolver runs, the whole file is on disk; memory only ever holds buffers on their way through (the
    // garbage collector frees them at ~64 MB), never the file (yoga's own multipart parser held it whole).
    const receive = t.hub.services.data.uploads.receive.bind(t.hub.services.data.uploads);
    const waiting: number[] = [];
    vi.spyOn(t.hub.services.data.uploads, 'receive').mockImplementation(async (viewer, id, file) => {
      const incoming = join(t.importDir, '.incoming');
      for (const folder of await readdir(incoming))
        for (const name of await readdir(join(incoming, folder)))
          waiting.push((await stat(join(incoming, folder, name))).size);
      return receive(viewer, id, file);
    });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 10);
    const answer = await send(port, body.stream, {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'content-length': body.length,
      authorization: `Bearer ${t.hub.fixtures.keys.bureauAdmin}`,
    });
    clearInterval(sampler);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.json.data.uploadDataFile.sync).toEqual({ trigger: 'UPLOAD' });
    // The file is the connection's source now, every byte of it.
    const folder = join(t.importDir, t.hub.fixtures.bureau.slug, 'uploads');
    const [connectionFolder] = await readdir(folder);
    const [file] = await readdir(join(folder, connectionFolder!));
    expect((await stat(join(folder, connectionFolder!, file!))).size).toBe(body.fileBytes);
    expect(waiting).toEqual([body.fileBytes]);
    expect(peak).toBeLessThan(body.fileBytes);
    expect(await readdir(join(t.importDir, '.incoming'))).toEqual([]);
    await t.hub.services.data.syncs.stop();
  }, 120_000);
});

describe('a body over its limit', () => {
  let hub: TestHub;
  let port: number;
  let server: Server;
  beforeAll(async () => {
    hub = await createTestHub({
      data: { maxUploadBytes: 1024 * 1024 },
      limits: { maxBodyBytes: 4096 },
      rateLimit: false,
    });
    ({ server, port } = await listen(hub));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await hub.close();
  });

  const tooLarge = {
    status: 413,
    code: 'BAD_USER_INPUT',
    field: 'file',
    message:
      'The file is larger than 1 MiB, the largest upload this hub accepts (its MARU_MAX_UPLOAD_MB setting): ' +
      'split the file, or connect it by path.',
  };
  const outcome = (answer: { status: number; json: any }) => ({
    status: answer.status,
    code: answer.json.errors?.[0]?.extensions?.code,
    field: answer.json.errors?.[0]?.extensions?.field,
    message: answer.json.errors?.[0]?.message,
  });

  it('refuses an upload declared larger than the limit before reading it: BAD_USER_INPUT naming the limit and setting', async () => {
    const body = multipart('RGF0YUNvbm5lY3Rpb246eA', 'k\n', 'a\n', 2 * 1024 * 1024);
    const answer = await send(port, body.stream, {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'content-length': body.length,
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${hub.fixtures.keys.bureauAdmin}`,
    });
    expect(outcome(answer)).toEqual(tooLarge);
  });

  it('refuses a streamed upload (no length) where it passes the limit, and reads no further', async () => {
    let sent = 0;
    const total = 64 * 1024 * 1024;
    const body = multipart('RGF0YUNvbm5lY3Rpb246eA', 'k\n', 'abcdefghijklmno\n', total / 16, (n) => (sent += n));
    const answer = await send(port, body.stream, {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'transfer-encoding': 'chunked',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${hub.fixtures.keys.bureauAdmin}`,
    });
    expect(outcome(answer)).toEqual(tooLarge);
    expect(sent).toBeLessThan(total / 2);
  });

  it('keeps the small limit for other requests: a JSON body over it is REQUEST_ENTITY_TOO_LARGE', async () => {
    const query = `{ __typename ${' '.repeat(5000)}}`;
    const json = JSON.stringify({ query });
    const framings: Record<string, string | number>[] = [
      { 'content-length': Buffer.byteLength(json) },
      { 'transfer-encoding': 'chunked' },
    ];
    for (const headers of framings) {
      const answer = await send(port, Readable.from([Buffer.from(json)]), {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...headers,
      });
      expect([answer.status, answer.json.errors?.[0]?.extensions?.code]).toEqual([413, 'REQUEST_ENTITY_TOO_LARGE']);
      expect(answer.json.errors[0].message).toContain('larger than 4096 bytes');
    }
    const small = await send(port, Readable.from([Buffer.from('{"query":"{ __typename }"}')]), {
      'content-type': 'application/json',
    });
    expect(small.json).toEqual({ data: { __typename: 'Query' } });
  });
});
