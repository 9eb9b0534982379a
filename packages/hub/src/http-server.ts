import { dcatCatalogue, dcatDataset, type Hub, type HubLogger } from '@maru/core';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AuthRoutes } from './auth-routes.js';
import { requestLogger } from './logger.js';
import { setSecurityHeaders } from './security-headers.js';
import { findPortalDir, isPortalPath, servePortal } from './serve-portal.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
// A Host header that can stand in a link: a name or an address, and a port.
const HOST_HEADER = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253})(:\d{1,5})?$/;

export interface HttpServerOptions {
  /** The address clients reach the hub at, for links the hub publishes; default `http://<Host header>`. */
  publicUrl?: string | null;
  /** The built portal's folder; default `MARU_PORTAL_DIR` or the monorepo's `packages/portal/dist`. Null serves no portal. */
  portalDir?: string | null;
  /** People's sign-in routes under `/auth/` (OpenID Connect, sign-out, demo sign-in); none when absent. */
  auth?: AuthRoutes | null;
  /** Send `Strict-Transport-Security`: the hub is reached over HTTPS (`MARU_HSTS`). Default false. */
  hsts?: boolean;
}

export interface HttpServer {
  server: Server;
  /** Requests being served right now; shutdown waits for them. */
  inFlight(): number;
}

/**
 * The HTTP front: `/healthz` (the process is alive), `/readyz` (the store
 * answers; with Redis configured, whether it can be reached — the hub answers either way), `/catalogue/dcat.jsonld` (the data catalogue for harvesters), `/audit/checkpoint` (the latest signed
 * audit checkpoints, for witnesses), the
 * built portal for other GETs when there is one (else `/` redirects to GraphiQL),
 * and everything else to yoga (GraphQL at /graphql, GraphiQL for browsers). Each
 * request gets an id — the caller's `x-request-id` when it is sane, else a new
 * one — echoed in the response and in every log line.
 */
export function createHttpServer(hub: Hub, logger: HubLogger, options: HttpServerOptions = {}): HttpServer {
  const settings = { ...options, portalDir: options.portalDir === undefined ? findPortalDir() : options.portalDir };
  let active = 0;
  const logRequest = requestLogger(logger);
  const server = createServer((req, res) => {
    active++;
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    setSecurityHeaders(res, (req.url ?? '/').split('?')[0] ?? '/', { hsts: settings.hsts });
    res.on('close', () => {
      active--;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logRequest({ requestId, method: req.method, url: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    route(hub, logger, settings, req, res, requestId).catch((error: unknown) => {
      logger.error({ err: error, requestId }, 'request failed outside GraphQL');
      if (!res.headersSent) json(res, 500, { error: 'INTERNAL' });
      else res.destroy();
    });
  });
  // A slow or idle client must not hold a shutdown open for long.
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return { server, inFlight: () => active };
}

async function route(
  hub: Hub,
  logger: HubLogger,
  options: HttpServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (path === '/healthz') return json(res, 200, { status: 'ok' });
  if (path === '/readyz') {
    try {
      await hub.ready();
      // Redis only when configured; its absence does not make the hub unready: it answers without it.
      const redis = hub.redisStatus();
      return json(res, 200, { status: 'ready', store: hub.store.engine, ...(redis && { redis }) });
    } catch (error) {
      logger.warn({ err: error, requestId }, 'store not reachable');
      return json(res, 503, { status: 'unavailable', store: hub.store.engine });
    }
  }
  if (path === '/catalogue/dcat.jsonld') return catalogue(hub, options, req, res);
  // Each dataset's own DCAT entry, at the @id the catalogue gives it.
  if (path.startsWith('/catalogue/datasets/'))
    return catalogue(hub, options, req, res, path.slice('/catalogue/datasets/'.length));
  if (path === '/audit/checkpoint') return latestCheckpoints(hub, req, res);
  // Before the portal and GraphQL: the sign-in routes are the hub's own.
  if (options.auth && path.startsWith('/auth/') && (await options.auth.handle(req, res, path, requestId))) return;
  // After the hub's own paths, so the portal can never shadow them.
  if (options.portalDir && isPortalPath(req.method, path)) return servePortal(options.portalDir, path, req, res);
  if (path === '/') {
    res.writeHead(302, { location: '/graphql' }).end();
    return;
  }
  await hub.handle(req, res);
}

/** DCAT-AP JSON-LD of every data connection's metadata: public, whatever the classification, as data portals publish it. */
async function catalogue(
  hub: Hub,
  options: HttpServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
  datasetId?: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res
      .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify({ error: 'METHOD_NOT_ALLOWED' }));
    return;
  }
  let baseUrl = options.publicUrl;
  if (!baseUrl) {
    const host = req.headers.host;
    // The Host header ends up in every link of a publicly cached document: refuse one that is not a plain host.
    if (!host || !HOST_HEADER.test(host))
      return json(res, 400, {
        error: 'BAD_HOST',
        message: 'Send a plain Host header, or have the operator set MARU_PUBLIC_URL.',
      });
    baseUrl = `http://${host}`;
  }
  const document =
    datasetId === undefined
      ? await dcatCatalogue(hub.services, baseUrl)
      : await dcatDataset(hub.services, baseUrl, datasetId);
  if (!document) return json(res, 404, { error: 'NOT_FOUND', message: 'No dataset has this id.' });
  const body = JSON.stringify(document);
  res.writeHead(200, {
    'content-type': 'application/ld+json; charset=utf-8',
    'cache-control': 'public, max-age=300',
    'content-length': Buffer.byteLength(body),
    ...(options.publicUrl ? {} : { vary: 'Host' }),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The latest signed checkpoints of the audit trail and the data access log, with the hub's public key: public, for
 * external witnesses to keep (they reveal how many events there are, nothing of them).
 */
function latestCheckpoints(hub: Hub, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res
      .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify({ error: 'METHOD_NOT_ALLOWED' }));
    return;
  }
  const audit = hub.services.audit.latestCheckpoint();
  const dataAccess = hub.services.data.accessLog.latestCheckpoint();
  if (!audit) return json(res, 503, { error: 'NO_CHECKPOINT', message: 'The hub has not signed a checkpoint yet.' });
  json(res, 200, { publicKey: audit.publicKey, audit: audit.checkpoint, dataAccess: dataAccess?.checkpoint ?? null });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    .end(JSON.stringify(body));
}
