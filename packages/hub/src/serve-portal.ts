import { createReadStream, existsSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
// Vite puts content-hashed files under assets/: a new build gets new names, so they may be cached for good.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current hashed files: browsers must check it on every visit.
const REVALIDATE = 'no-cache';

/**
 * The portal's build folder: `MARU_PORTAL_DIR`, else `../../portal/dist` from the
 * hub's own dist (the monorepo layout). Null when no `index.html` is there, so the
 * hub keeps working without a built portal.
 */
export function findPortalDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = resolve(
    env.MARU_PORTAL_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'portal', 'dist'),
  );
  return existsSync(join(dir, 'index.html')) ? realpathSync(dir) : null;
}

/**
 * The operations the portal build sends by hash (`trusted-documents.json`
 * beside its index.html, written by codegen): hash (hex, without codegen's
 * `sha256:` prefix) → operation text. Empty when the build has none.
 */
export function loadTrustedDocuments(portalDir: string | null): Map<string, string> {
  const file = portalDir && join(portalDir, 'trusted-documents.json');
  if (!file || !existsSync(file)) return new Map();
  const entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  return new Map(
    entries
      .filter((e): e is [string, string] => typeof e[1] === 'string')
      .map(([hash, text]) => [hash.replace(/^sha256:/, ''), text]),
  );
}

/** Paths the hub answers itself; the portal gets every other GET and HEAD. */
export function isPortalPath(method: string | undefined, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return !(
    path === '/graphql' ||
    path.startsWith('/graphql/') ||
    path === '/healthz' ||
    path === '/readyz' ||
    path.startsWith('/catalogue/')
  );
}

/**
 * Serves one file of the built portal: hashed assets with a long cache, everything
 * else revalidated, and `index.html` for unknown paths without an extension (the
 * portal routes in the browser). A path that leaves `dir` is answered 404.
 */
export function servePortal(dir: string, path: string, req: IncomingMessage, res: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return plain(res, 400, 'Bad path');
  }
  if (decoded.includes('\0')) return plain(res, 400, 'Bad path');
  const file = resolveInside(dir, decoded);
  if (file === undefined) return plain(res, 404, 'Not found');
  if (file) return send(req, res, file.path, file.stats, decoded.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
  // No such file: a route of the portal, unless it names a file (a missing script must not come back as HTML).
  if (extname(decoded) !== '') return plain(res, 404, 'Not found');
  const index = join(dir, 'index.html');
  return send(req, res, index, statSync(index), REVALIDATE);
}

/** The file for a URL path, null when there is none, undefined when the path escapes `dir`. */
function resolveInside(dir: string, decoded: string): { path: string; stats: Stats } | null | undefined {
  let candidate = resolve(dir, `.${decoded}`);
  if (candidate !== dir && !candidate.startsWith(dir + sep)) return undefined;
  try {
    let stats = statSync(candidate);
    if (stats.isDirectory()) {
      candidate = join(candidate, 'index.html');
      stats = statSync(candidate);
    }
    if (!stats.isFile()) return null;
    // A symbolic link inside the folder must not lead out of it either.
    const real = realpathSync(candidate);
    if (!real.startsWith(dir + sep)) return undefined;
    return { path: real, stats };
  } catch {
    return null;
  }
}

function send(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, cacheControl: string): void {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
    'last-modified': stats.mtime.toUTCString(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': stats.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function plain(res: ServerResponse, status: number, text: string): void {
  res
    .writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .end(text);
}
