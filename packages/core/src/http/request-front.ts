import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSubject } from '../data/index.js';
import { isMaruError, type MaruError } from '../errors.js';
import type { RequestCredentials, Viewer } from '../identity/index.js';
import {
  HAND_BACK,
  isLaneRequest,
  laneParamsOf,
  runLane,
  type LaneHeaders,
  type LaneInput,
  type YogaStages,
} from './graphql-lane.js';
import {
  cacheKey,
  isCacheableRequest,
  MAX_CACHED_REQUEST_BYTES,
  type CacheableRequest,
  type RequestCaching,
  type ResponseCache,
} from './response-cache.js';

/**
 * What the front learned about a request before GraphQL sees it, handed to yoga's context: the
 * request id and caller, or the refusal (rate limit, bad key) the context raises so yoga answers
 * it in the client's format with the code's HTTP status.
 */
export type RequestStart =
  | { requestId: string; viewer: Viewer | null; subject: DataSubject | null; refusal?: undefined }
  | { requestId: string; refusal: MaruError | Error };

/** The fields of yoga's server context the front fills in. */
export interface FrontServerContext {
  req?: { socket?: { remoteAddress?: string } };
  start?: RequestStart;
  caching?: RequestCaching;
}

/** The doors of the GraphQL server behind the front (yoga's). */
export interface GraphQLDoors {
  handle(req: IncomingMessage, res: ServerResponse, serverContext: FrontServerContext): Promise<void>;
  fetch(input: Request, serverContext: FrontServerContext): Promise<Response>;
  /** yoga's stages for plain requests (`graphql-lane.ts`); absent: every request takes `handle` or `fetch`. */
  lane?: YogaStages<FrontServerContext> | null;
  /** The largest body yoga accepts outside uploads (`useBodyLimits`): a larger one goes to yoga, which refuses it. */
  maxBodyBytes?: number;
}

/**
 * The stages every request at the GraphQL endpoint passes, in this order. Each may be absent
 * (`null`) where a hub turns it off.
 */
export interface RequestStages {
  /** 1. Every log line and error of the request names it: the caller's `x-request-id`, else a new one. */
  requestId: (given: string | null) => string;
  /**
   * 2. Who is asking: identity's one `authenticate`, from the `Authorization` header (API keys, subject keys) or the
   * `maru_session` cookie with its `x-maru-csrf` header (people in a browser).
   */
  authenticate: (credentials: RequestCredentials) => Promise<{ viewer: Viewer | null; subject: DataSubject | null }>;
  /**
   * 3. Counted once per request against who is asking (see {@link limitKey}), after authentication so that a caller
   * cannot make new counters by sending new headers, and before the cache (an answer from the cache counts too).
   * Failed authentications count against the address, and an address past its limit of them is refused before its
   * next credential is checked (a right guess then looks like a wrong one). Throws RATE_LIMITED over the limit.
   */
  rateLimit: RequestRateLimit | null;
  /**
   * 4. Anonymous repeats answered from kept answers, before any parse (`useCacheDecision` says what is kept). A
   * request with a session cookie is not anonymous: it never reaches the cache.
   */
  cache: ResponseCache | null;
  /** 5. GraphQL: yoga with its plugins. */
  graphql: GraphQLDoors;
}

export interface RequestFront {
  /** Serves a Node request at the endpoint. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The same for a Fetch API request (in-process callers and tests). */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

/**
 * The rate limit stage: `graphql/rate-limiter.ts`'s `RateLimiter` in this process, or coordination's limiter shared
 * through Redis by several hubs (which is asynchronous).
 */
export interface RequestRateLimit {
  /** Counts one request for `caller`; throws (or rejects with) RATE_LIMITED over the limit. */
  hit(caller: string): void | Promise<void>;
  /** Throws (or rejects with) RATE_LIMITED if `caller` has used up its limit, counting nothing. */
  check(caller: string): void | Promise<void>;
}

/**
 * Whom a request counts against: the id of the API key, session or subject key it authenticated with, else its
 * address (in-process callers share one). Short names only: a header's text never becomes a counter.
 */
export function limitKey(
  who: { viewer: Viewer | null; subject: DataSubject | null },
  address: string | undefined,
): string {
  if (who.viewer) return `key:${who.viewer.apiKey._id}`;
  if (who.subject) return `subject:${who.subject.keyId}`;
  return addressKey(address);
}

/** Failed authentications count here, apart from the address's other requests. */
const failedKey = (address: string | undefined) => `failed-auth:${addressKey(address)}`;
const addressKey = (address: string | undefined) => `addr:${address ?? 'in-process'}`;

/** The session cookie's name: `maru_session`, HttpOnly, set by the hub's `/auth/callback`. */
export const SESSION_COOKIE = 'maru_session';
/** The header a session's requests carry its CSRF token in (the readable `maru_csrf` cookie's value). */
export const CSRF_HEADER = 'x-maru-csrf';

/** The value of the `maru_session` cookie in a `Cookie` header, or null. */
export function sessionCookieOf(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/**
 * The front of the GraphQL endpoint: the stages of {@link RequestStages} in order. A cache hit
 * costs a map lookup, not a parse, a validation and an execution; a plain request takes yoga's
 * lane (`graphql-lane.ts`); everything else reaches yoga's whole pipeline with what the stages
 * found (or the refusal to raise).
 */
export function createRequestFront(stages: RequestStages, endpoint = '/graphql'): RequestFront {
  const { cache, graphql } = stages;
  interface Answer {
    status: number;
    /** Every header of the answer but its length; a hit has only its content type. */
    headers: Array<[string, string]>;
    body: Buffer | string;
    /** `x-maru-cache`: served from the cache, produced (and kept if it may be), or produced past a cache that cannot
     * tell what is current (Redis unreachable). Absent: the request was not one the cache could hold. */
    hit?: 'HIT' | 'MISS' | 'BYPASS';
  }

  async function begin(headers: { requestId: string | null } & RequestCredentials, address?: string) {
    const requestId = stages.requestId(headers.requestId);
    const { authorization, sessionCookie, csrfHeader } = headers;
    const limit = stages.rateLimit;
    try {
      if (authorization || sessionCookie) await limit?.check(failedKey(address));
      let who: { viewer: Viewer | null; subject: DataSubject | null };
      try {
        who = await stages.authenticate({ authorization, sessionCookie, csrfHeader });
      } catch (error) {
        await limit?.hit(failedKey(address));
        throw error;
      }
      await limit?.hit(limitKey(who, address));
      return { requestId, ...who } satisfies RequestStart;
    } catch (error) {
      // Uncoded failures too (the store down while a key is checked): yoga raises them in its context, where they
      // are logged and masked as INTERNAL in the client's format, as any other unexpected error.
      const refusal = isMaruError(error) || error instanceof Error ? error : new Error(String(error));
      return { requestId, refusal } satisfies RequestStart;
    }
  }

  /** yoga's whole pipeline for a request whose body is already read (a Fetch `Request` built from it). */
  async function throughYoga(
    input: LaneInput,
    fetchHeaders: () => Headers,
    serverContext: FrontServerContext,
  ): Promise<Answer> {
    const response = await graphql.fetch(
      new Request(`http://localhost${input.url}`, {
        method: input.method,
        headers: fetchHeaders(),
        body: input.method === 'GET' || input.method === 'HEAD' ? undefined : input.body,
      }),
      serverContext,
    );
    const headers: Array<[string, string]> = [];
    response.headers.forEach((value, name) => {
      if (name !== 'content-length') headers.push([name, value]);
    });
    return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** The lane when the request is plain enough, else (or when the lane hands it back) yoga's whole pipeline. */
  async function produce(
    input: LaneInput,
    fetchHeaders: () => Headers,
    serverContext: FrontServerContext,
  ): Promise<Answer> {
    const params =
      graphql.lane && Buffer.byteLength(input.body) <= (graphql.maxBodyBytes ?? Infinity) ? laneParamsOf(input) : null;
    if (graphql.lane && params) {
      const answer = await runLane(graphql.lane, input, params, serverContext);
      if (answer !== HAND_BACK) return answer;
    }
    return throughYoga(input, fetchHeaders, serverContext);
  }

  /** A request whose body is read: from the cache when it may be, else produced (and kept when it may be). */
  async function answer(
    input: LaneInput,
    request: CacheableRequest,
    start: RequestStart,
    sessionCookie: string | null,
    fetchHeaders: () => Headers,
    serverContext: FrontServerContext,
  ): Promise<Answer> {
    if (!cache || start.refusal || sessionCookie || !isCacheableRequest(request, endpoint))
      return produce(input, fetchHeaders, { ...serverContext, start });
    const key = cacheKey(request, input.body);
    const found = await cache.lookup(key);
    if (typeof found === 'object')
      return { status: found.status, headers: [['content-type', found.contentType]], body: found.body, hit: 'HIT' };
    // Taken before the run, so a write during it makes the answer stale at once. Unavailable (Redis cannot be
    // reached): the answer is produced but neither served from nor kept in the cache.
    const begun = found === 'miss' ? await cache.begin() : null;
    const caching: RequestCaching = { sideEffects: false, storable: false };
    const { result, reads } = await cache.freshness.recordReads(() =>
      produce(input, fetchHeaders, { ...serverContext, start, caching }),
    );
    const contentType = result.headers.find(([name]) => name === 'content-type')?.[1] ?? '';
    if (begun !== null && caching.storable && result.status === 200 && contentType.includes('json'))
      cache.set(key, begun, reads, {
        status: 200,
        contentType,
        body: typeof result.body === 'string' ? Buffer.from(result.body) : result.body,
      });
    return { ...result, hit: begun === null ? 'BYPASS' : 'MISS' };
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
      const requestId = req.headers['x-request-id'];
      const csrfHeader = req.headers[CSRF_HEADER];
      const sessionCookie = sessionCookieOf(req.headers.cookie);
      const start = await begin(
        {
          requestId: typeof requestId === 'string' ? requestId : null,
          authorization: request.authorization,
          sessionCookie,
          csrfHeader: typeof csrfHeader === 'string' ? csrfHeader : null,
        },
        req.socket?.remoteAddress,
      );
      const headers = nodeLaneHeaders(req);
      // Not plain (an upload, an event stream, GraphiQL, a large body…): yoga's pipeline reads it as it comes.
      if (!isLaneRequest(request.method, request.url, endpoint, headers, request.contentLength)) {
        await graphql.handle(req, res, { req, start });
        return;
      }
      const body = request.method === 'POST' ? await readBody(req, request.contentLength ?? 0) : '';
      const input: LaneInput = { method: request.method, url: request.url, headers, body };
      const result = await answer(input, request, start, sessionCookie, () => nodeHeaders(req), { req });
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of result.headers) {
        const had = out[name];
        out[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
      }
      out['content-length'] = String(
        typeof result.body === 'string' ? Buffer.byteLength(result.body) : result.body.length,
      );
      if (result.hit) out['x-maru-cache'] = result.hit;
      res.writeHead(result.status, out);
      res.end(result.body);
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
      const sessionCookie = sessionCookieOf(incoming.headers.get('cookie'));
      const start = await begin({
        requestId: incoming.headers.get('x-request-id'),
        authorization: request.authorization,
        sessionCookie,
        csrfHeader: incoming.headers.get(CSRF_HEADER),
      });
      const headers: LaneHeaders = incoming.headers;
      if (!isLaneRequest(request.method, request.url, endpoint, headers, 0)) return graphql.fetch(incoming, { start });
      const body = incoming.method === 'POST' ? await incoming.text() : '';
      const result = await answer(
        { method: request.method, url: request.url, headers, body },
        request,
        start,
        sessionCookie,
        () => incoming.headers,
        {},
      );
      const responseHeaders = new Headers();
      for (const [name, value] of result.headers) responseHeaders.append(name, value);
      if (result.hit) responseHeaders.set('x-maru-cache', result.hit);
      const bytes = typeof result.body === 'string' ? result.body : new Uint8Array(result.body);
      return new Response(result.status === 204 || result.status === 304 ? null : bytes, {
        status: result.status,
        headers: responseHeaders,
      });
    },
  };
}

/** A Node request's headers as the lane reads them (Node joins repeated ones, as a Fetch `Headers` does). */
function nodeLaneHeaders(req: IncomingMessage): LaneHeaders {
  return {
    get(name) {
      const value = req.headers[name];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
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
