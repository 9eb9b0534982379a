/**
 * `ctx.fetch`, executed by the hub. Plugin code only describes a request; the
 * hub decides with its own URL parser (plugin code may have replaced any
 * built-in of its own realm), reaches only the manifest's hosts, re-checks
 * every redirect hop, and connects to an address it resolved and checked
 * itself, so a declared name that resolves to a private or loopback address
 * (or is re-pointed there between check and connect) reaches nothing.
 */
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** A request as plugin code describes it: plain data, unchecked. */
export interface PluginFetchRequest {
  url: unknown;
  method?: unknown;
  headers?: unknown;
  body?: unknown;
}

/** The answer handed back to plugin code, as plain data. */
export interface PluginFetchResponse {
  url: string;
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

export type PluginFetchAnswer =
  | { ok: true; response: PluginFetchResponse }
  | { ok: false; error: { kind: 'capability' | 'input' | 'failed'; message: string } };

export interface PluginFetchPolicy {
  /** `host` or `host:port` entries from the manifest (`hosts`). */
  hosts: readonly string[];
  /**
   * Let declared hosts resolve to loopback, private and link-local addresses (test fixtures, on-premises APIs). Default
   * false.
   */
  allowPrivate?: boolean;
  /** When the call's deadline passes. */
  signal: AbortSignal;
  /** The largest response body, in bytes. Default 10 MiB. */
  maxBodyBytes?: number;
}

const MAX_REDIRECTS = 5;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
// Set by the hub, never by the plugin: they would let a plugin speak for another host or smuggle a second request.
const FORBIDDEN_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
]);

/** Addresses a plugin must not reach unless the operator allows it: the hub's own machine and networks. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && /^::ffff:/i.test(address)) {
    // IPv4-mapped: judge the IPv4 address it carries.
    const v4 = address.slice(7);
    if (isIP(v4) === 4) return PRIVATE.check(v4, 'ipv4');
  }
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

class Refused extends Error {
  constructor(
    readonly kind: 'capability' | 'input',
    message: string,
  ) {
    super(message);
  }
}

/** Runs one `ctx.fetch` under the policy; never throws. */
export async function executePluginFetch(
  request: PluginFetchRequest,
  policy: PluginFetchPolicy,
): Promise<PluginFetchAnswer> {
  try {
    let url = parseUrl(request.url);
    let method = parseMethod(request.method);
    const headers = parseHeaders(request.headers);
    let body = parseBody(request.body, method);
    for (let hop = 0; ; hop++) {
      const address = await checkDestination(url, policy);
      const response = await send(url, address, method, headers, body, policy);
      const location = response.headers.find(([name]) => name === 'location')?.[1];
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        if (hop >= MAX_REDIRECTS)
          throw new Refused('input', `fetch to ${url.host} redirected more than ${MAX_REDIRECTS} times`);
        url = parseUrl(new URL(location, url).href);
        // As browsers do: 303 (and 301/302 after a POST) continue as a GET without a body.
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = null;
        }
        continue;
      }
      return { ok: true, response };
    }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: { kind: error.kind, message: error.message } };
    if (policy.signal.aborted)
      return { ok: false, error: { kind: 'failed', message: "the call's deadline passed during the fetch" } };
    return {
      ok: false,
      error: {
        kind: 'failed',
        message: `fetch failed: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      },
    };
  }
}

function parseUrl(value: unknown): URL {
  if (typeof value !== 'string' || value.length > 8192)
    throw new Refused('input', 'fetch needs a URL of at most 8192 characters');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Refused('input', `fetch: "${value.slice(0, 100)}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Refused('capability', `fetch reaches http and https only, not ${url.protocol}`);
  if (url.username || url.password) throw new Refused('input', 'fetch: put credentials in a header, not in the URL');
  return url;
}

function parseMethod(value: unknown): string {
  const method = value === undefined ? 'GET' : String(value).toUpperCase();
  if (!METHODS.has(method)) throw new Refused('input', `fetch: the method ${method.slice(0, 20)} is not allowed`);
  return method;
}

function parseHeaders(value: unknown): Array<[string, string]> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 100)
    throw new Refused('input', 'fetch: headers must be at most 100 [name, value] pairs');
  return value.map((pair: unknown) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
      throw new Refused('input', 'fetch: each header is a [name, value] pair of strings');
    const name = pair[0].toLowerCase();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name) || /[\r\n\0]/.test(pair[1]))
      throw new Refused('input', `fetch: the header ${name.slice(0, 40)} is malformed`);
    if (FORBIDDEN_HEADERS.has(name)) throw new Refused('input', `fetch: the header ${name} is set by the hub`);
    return [name, pair[1]] as [string, string];
  });
}

function parseBody(value: unknown, method: string): Uint8Array | null {
  if (value === undefined || value === null) return null;
  if (!(value instanceof Uint8Array)) throw new Refused('input', 'fetch: the body must be bytes');
  if (method === 'GET' || method === 'HEAD') throw new Refused('input', `fetch: a ${method} request has no body`);
  if (value.byteLength > 10 * 1024 * 1024) throw new Refused('input', 'fetch: a request body is at most 10 MiB');
  return value;
}

/** The manifest's host list (by the hub's own parse of the URL), then the address the name resolves to. */
async function checkDestination(url: URL, policy: PluginFetchPolicy): Promise<{ address: string; family: number }> {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const declared = policy.hosts.some(
    (host) => host === url.host || (url.port === '' && host === `${url.hostname}:${port}`),
  );
  if (!declared)
    throw new Refused(
      'capability',
      `fetch to ${url.host} is not allowed: the manifest declares ${policy.hosts.join(', ') || 'no hosts'}`,
    );
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) }]
    : await lookup(hostname, { all: true, verbatim: true });
  if (addresses.length === 0) throw new Refused('input', `fetch: ${url.hostname} does not resolve`);
  // Every address the name has must be allowed: the connection goes to the first, but a resolver may rotate.
  if (!policy.allowPrivate && addresses.some((a) => isPrivateAddress(a.address))) {
    throw new Refused(
      'capability',
      `fetch to ${url.host} is not allowed: it resolves to a loopback, private or link-local address`,
    );
  }
  return addresses[0]!;
}

function send(
  url: URL,
  target: { address: string; family: number },
  method: string,
  headers: Array<[string, string]>,
  body: Uint8Array | null,
  policy: PluginFetchPolicy,
): Promise<PluginFetchResponse> {
  const max = policy.maxBodyBytes ?? 10 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const options = {
      method,
      headers: Object.fromEntries([...headers, ...(body ? [['content-length', String(body.byteLength)]] : [])]),
      signal: policy.signal,
      // Connect to the address checked above, whatever the name resolves to by now.
      lookup: (
        _host: string,
        _options: unknown,
        callback: (error: Error | null, address: string, family: number) => void,
      ) => callback(null, target.address, target.family),
      servername: isIP(url.hostname) ? undefined : url.hostname,
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > max) {
          res.destroy();
          reject(new Refused('input', `fetch: the response from ${url.host} is larger than ${max} bytes`));
        } else chunks.push(chunk);
      });
      res.on('end', () => {
        const pairs: Array<[string, string]> = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        resolve({
          url: url.href,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: pairs,
          body: new Uint8Array(Buffer.concat(chunks)),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}
