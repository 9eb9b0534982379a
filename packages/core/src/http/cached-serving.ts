import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  cacheKey,
  isCacheableRequest,
  MAX_CACHED_REQUEST_BYTES,
  type CacheableRequest,
  type RequestCaching,
  type ResponseCache,
} from './response-cache.js';

/** The fields of yoga's server context the cache path fills in. */
export interface CachingServerContext {
  req?: { socket?: { remoteAddress?: string } };
  caching?: RequestCaching;
}

/** The two doors of the GraphQL server behind the cache (yoga's). */
export interface GraphQLDoors {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  fetch(input: string | Request, init: RequestInit | undefined, serverContext: CachingServerContext): Promise<Response>;
}

export interface CachedServing {
  /** Serves a Node request: from the cache when it holds the answer, else through yoga. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The same for a Fetch API request (in-process callers and tests). */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

/**
 * The front of the GraphQL endpoint. Anonymous JSON requests are looked up
 * by their exact text before yoga sees them — a hit costs a map lookup, not
 * a parse, a validation and an execution — and yoga's answer is kept when
 * the operation says it may be (see `useCacheDecision`). Everything else
 * goes to yoga untouched. `admit` is the rate limiter: a hit counts as a
 * request too, and a caller over the limit is sent through yoga, which
 * refuses it with the usual 429.
 */
export function createCachedServing(
  yoga: GraphQLDoors,
  cache: ResponseCache | null,
  admit: (address: string | undefined) => boolean,
  endpoint = '/graphql',
): CachedServing {
  interface Answer {
    status: number;
    /** Yoga's headers on a miss; a hit has only its content type. */
    headers: Headers | null;
    contentType: string;
    bytes: Buffer;
    hit: boolean;
  }

  // A hit builds no Request, Response or Headers object: those cost more than the lookup.
  async function run(
    cache: ResponseCache,
    url: string,
    request: CacheableRequest,
    headers: () => Headers,
    body: string,
    serverContext: CachingServerContext,
  ): Promise<Answer> {
    const key = cacheKey(request, body);
    const cached = cache.get(key);
    if (cached && admit(serverContext.req?.socket?.remoteAddress))
      return { status: cached.status, headers: null, contentType: cached.contentType, bytes: cached.body, hit: true };
    const version = cache.version();
    const caching: RequestCaching = { sideEffects: false, storable: false };
    const response = await yoga.fetch(
      url,
      { method: request.method, headers: headers(), body: request.method === 'GET' ? undefined : body },
      { ...serverContext, caching },
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    if (caching.storable && response.status === 200 && contentType.includes('json'))
      cache.set(key, version, { status: 200, contentType, body: bytes });
    return { status: response.status, headers: response.headers, contentType, bytes, hit: false };
  }

  return {
    async handle(req, res) {
      const request: CacheableRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization ?? null,
        contentType: req.headers['content-type'] ?? null,
        accept: req.headers.accept ?? null,
        contentLength: req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']),
      };
      if (!cache || !isCacheableRequest(request, endpoint)) {
        await yoga.handle(req, res);
        return;
      }
      const body = request.method === 'POST' ? await readBody(req, request.contentLength ?? 0) : '';
      const answer = await run(cache, `http://localhost${request.url}`, request, () => nodeHeaders(req), body, { req });
      const headers: Record<string, string> = { 'content-type': answer.contentType };
      answer.headers?.forEach((value, name) => {
        if (name !== 'content-length') headers[name] = value;
      });
      headers['content-length'] = String(answer.bytes.length);
      headers['x-maru-cache'] = answer.hit ? 'HIT' : 'MISS';
      res.writeHead(answer.status, headers);
      res.end(answer.bytes);
    },

    async fetch(input, init) {
      const incoming = input instanceof Request && init === undefined ? input : new Request(input, init);
      const url = new URL(incoming.url);
      const request: CacheableRequest = {
        method: incoming.method,
        url: url.pathname + url.search,
        authorization: incoming.headers.get('authorization'),
        contentType: incoming.headers.get('content-type') ?? (incoming.method === 'POST' ? 'application/json' : null),
        accept: incoming.headers.get('accept'),
        // In-process callers hand over a body already in memory.
        contentLength: 0,
      };
      if (!cache || !isCacheableRequest(request, endpoint)) return yoga.fetch(incoming, undefined, {});
      const body = incoming.method === 'POST' ? await incoming.text() : '';
      const answer = await run(cache, incoming.url, request, () => incoming.headers, body, {});
      const headers = new Headers(answer.headers ?? { 'content-type': answer.contentType });
      headers.set('x-maru-cache', answer.hit ? 'HIT' : 'MISS');
      return new Response(new Uint8Array(answer.bytes), { status: answer.status, headers });
    },
  };
}

function nodeHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'content-length') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The whole body, which the Content-Length header said is small (Node's parser holds the client to that length). */
function readBody(req: IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= Math.max(length, MAX_CACHED_REQUEST_BYTES)) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}
