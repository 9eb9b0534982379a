import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestFront } from './request-front.js';

/**
 * Which other web origins may call the hub from a browser, and the CORS headers that say so. Same-origin only by
 * default: a page on another origin gets no CORS headers, so the browser keeps the answer from it. Listed origins get
 * their own origin back with credentials (the session cookie); `*` lets any origin read public answers, never with
 * credentials.
 */
export interface CorsPolicy {
  /** The headers for an answer to a request from `origin` (the `Origin` header; null when none). */
  headersFor(origin: string | null): Record<string, string>;
  /**
   * The answer to a preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`), or null when the request
   * is none. An origin that may not call gets 204 without CORS headers: the browser then refuses the call itself.
   */
  preflight(request: {
    method: string;
    origin: string | null;
    requestMethod: string | null;
    requestHeaders: string | null;
  }): { status: number; headers: Record<string, string> } | null;
}

/** Response headers a page on an allowed origin may read: the request id to report, the cache state, when to retry. */
const EXPOSED = 'x-request-id, x-maru-cache, retry-after';
const METHODS = 'GET, POST, OPTIONS';
// Header names only (RFC 9110 tokens), so a reflected list cannot smuggle anything else.
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/**
 * An origin as browsers send it (`https://portal.example.go.kr`, `http://127.0.0.1:5173`), lower-cased, or null when
 * `value` is not one (a path, a query, user info).
 */
export function normalizeOrigin(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '*') return '*';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return null;
  if (trimmed.replace(/\/$/, '').toLowerCase() !== url.origin.toLowerCase()) return null;
  return url.origin.toLowerCase();
}

/** The policy for the allowed origins (`MARU_CORS_ORIGINS`, already normalized); none: same-origin only. */
export function createCorsPolicy(allowed: readonly string[]): CorsPolicy {
  const origins = new Set(allowed.map((origin) => normalizeOrigin(origin) ?? origin));
  const anyOrigin = origins.delete('*');
  const vary: Record<string, string> = origins.size > 0 ? { vary: 'Origin' } : {};
  const allow = (origin: string | null): Record<string, string> | null => {
    const listed = origin ? origins.has(origin.toLowerCase()) : false;
    if (listed) return { 'access-control-allow-origin': origin!, 'access-control-allow-credentials': 'true', ...vary };
    if (anyOrigin && origin) return { 'access-control-allow-origin': '*', ...vary };
    return null;
  };
  return {
    headersFor(origin) {
      const headers = allow(origin);
      return headers ? { ...headers, 'access-control-expose-headers': EXPOSED } : { ...vary };
    },
    preflight({ method, origin, requestMethod, requestHeaders }) {
      if (method !== 'OPTIONS' || !origin || !requestMethod) return null;
      const headers = allow(origin);
      if (!headers) return { status: 204, headers: { ...vary, 'content-length': '0' } };
      return {
        status: 204,
        headers: {
          ...headers,
          'access-control-allow-methods': METHODS,
          ...(requestHeaders && HEADER_LIST.test(requestHeaders)
            ? { 'access-control-allow-headers': requestHeaders }
            : {}),
          'access-control-max-age': '600',
          'content-length': '0',
          ...(headers.vary ? {} : { vary: 'Origin' }),
        },
      };
    },
  };
}

/**
 * The request front behind the CORS policy: preflights are answered here, before rate limiting and authentication (a
 * browser sends them without credentials), and every other answer — yoga's, the cache's, a refusal — carries the same
 * CORS headers, so a cache hit answers as the miss before it did.
 */
export function withCors(front: RequestFront, policy: CorsPolicy): RequestFront {
  return {
    async handle(req: IncomingMessage, res: ServerResponse) {
      const origin = single(req.headers.origin);
      const preflight = policy.preflight({
        method: req.method ?? 'GET',
        origin,
        requestMethod: single(req.headers['access-control-request-method']),
        requestHeaders: single(req.headers['access-control-request-headers']),
      });
      if (preflight) {
        res.writeHead(preflight.status, preflight.headers).end();
        return;
      }
      for (const [name, value] of Object.entries(policy.headersFor(origin))) res.setHeader(name, value);
      await front.handle(req, res);
    },
    async fetch(input, init) {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      const origin = request.headers.get('origin');
      const preflight = policy.preflight({
        method: request.method,
        origin,
        requestMethod: request.headers.get('access-control-request-method'),
        requestHeaders: request.headers.get('access-control-request-headers'),
      });
      if (preflight) return new Response(null, { status: preflight.status, headers: preflight.headers });
      const response = await front.fetch(request);
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(policy.headersFor(origin))) headers.set(name, value);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    },
  };
}

function single(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
