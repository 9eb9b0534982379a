import type { ServerResponse } from 'node:http';

/**
 * The policy for everything the hub serves: code, styles, images and fonts from the hub only, no inline script, no
 * plugins, no `<base>`, never framed (clickjacking), requests only back to the hub.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
// GraphiQL's editor (Monaco) writes <style> elements as it runs; its script stays the hub's own files.
const GRAPHIQL_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** HSTS for a year, this host only: the operator's other hosts under the same domain may not all speak HTTPS yet. */
export const HSTS = 'max-age=31536000';

export interface SecurityHeaderOptions {
  /** Send `Strict-Transport-Security` (the hub is reached over HTTPS: `MARU_HSTS`). */
  hsts?: boolean;
}

/**
 * Sets the hub's security headers on a response before it is routed: Content-Security-Policy, nosniff, no referrer,
 * no framing, and HSTS when configured. A route may still set a stricter policy of its own (the sign-in refusal page).
 */
export function setSecurityHeaders(res: ServerResponse, path: string, options: SecurityHeaderOptions = {}): void {
  const graphiql = path === '/graphql' || path.startsWith('/graphql/');
  res.setHeader('content-security-policy', graphiql ? GRAPHIQL_POLICY : POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  // For browsers that predate frame-ancestors.
  res.setHeader('x-frame-options', 'DENY');
  if (options.hsts) res.setHeader('strict-transport-security', HSTS);
}
