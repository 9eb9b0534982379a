import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir, type HubProcess } from './helpers.js';

const TRUSTED = 'query Agencies { organizations(kind: AGENCY, first: 3) { nodes { slug } } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A raw request: fetch would normalise `..` away before it reaches the hub. */
function raw(url: string, path: string, method = 'GET', headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request({ hostname, port, path, method, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('the hub serves the built portal', () => {
  let hub: HubProcess;
  let bare: HubProcess;
  const dirs: string[] = [];
  const temp = (prefix: string) => {
    const dir = tempDir(prefix);
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    // The portal folder sits beside a secret the hub must never serve.
    const root = temp('maru-portal-');
    writeFileSync(join(root, 'secret.txt'), 'top secret');
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Maru portal</title>');
    writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log("portal")');
    writeFileSync(join(dist, 'robots.txt'), 'User-agent: *');
    symlinkSync(join(root, 'secret.txt'), join(dist, 'linked.txt'));
    // The build's trusted documents, as codegen names them.
    writeFileSync(join(dist, 'trusted-documents.json'), JSON.stringify({ [`sha256:${sha256(TRUSTED)}`]: TRUSTED }));
    [hub, bare] = await Promise.all([
      spawnHub({ MARU_DATA_DIR: temp('maru-portal-data-'), MARU_PORTAL_DIR: dist }),
      spawnHub({ MARU_DATA_DIR: temp('maru-portal-data-'), MARU_PORTAL_DIR: temp('maru-portal-empty-') }),
    ]);
  }, 60_000);
  afterAll(async () => {
    hub?.child.kill('SIGTERM');
    bare?.child.kill('SIGTERM');
    await Promise.all([hub?.exited, bare?.exited]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the operations of the portal build sent by their hash; a hub without the build says PERSISTED_QUERY_NOT_FOUND', async () => {
    const byHash = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TRUSTED) } } }),
      }).then((r) => r.json());
    expect(await byHash(hub.url)).toEqual({ data: { organizations: { nodes: [] } } });
    expect((await byHash(bare.url)).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('serves index.html at / and for unknown routes, revalidated on every visit', async () => {
    for (const path of ['/', '/challenges/Q2hhbGxlbmdlOjE', '/sign-in?next=%2F']) {
      const res = await raw(hub.url, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('Maru portal');
    }
  });

  it('serves hashed assets with a long cache, other files revalidated, and 304 for a known etag', async () => {
    const asset = await raw(hub.url, '/assets/index-Ab12Cd34.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log("portal")');
    const robots = await raw(hub.url, '/robots.txt');
    expect(robots.headers['cache-control']).toBe('no-cache');
    const again = await raw(hub.url, '/assets/index-Ab12Cd34.js', 'GET', {
      'if-none-match': String(asset.headers.etag),
    });
    expect(again.status).toBe(304);
  });

  it('answers HEAD without a body', async () => {
    const res = await raw(hub.url, '/', 'HEAD');
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body).toBe('');
  });

  it('answers 404 for a missing file with an extension, not the portal page', async () => {
    const res = await raw(hub.url, '/assets/gone-12345678.js');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('Maru portal');
  });

  it('never serves a file outside its folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/linked.txt',
    ]) {
      const res = await raw(hub.url, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('top secret');
    }
    expect((await raw(hub.url, '/%E0%A4%A')).status).toBe(400);
    expect((await raw(hub.url, '/a%00.html')).status).toBe(400);
  });

  it('leaves the API paths to the hub', async () => {
    expect(JSON.parse((await raw(hub.url, '/healthz')).body)).toEqual({ status: 'ok' });
    expect((await raw(hub.url, '/readyz')).status).toBe(200);
    expect((await raw(hub.url, '/catalogue/dcat.jsonld')).headers['content-type']).toContain('application/ld+json');
    const graphiql = await raw(hub.url, '/graphql', 'GET', { accept: 'text/html' });
    expect(graphiql.body).not.toContain('Maru portal');
    const res = await gql(hub.url, '{ viewer { id } }');
    expect(res.body).toEqual({ data: { viewer: null } });
  });

  it('redirects / to GraphiQL when no portal is built', async () => {
    const res = await raw(bare.url, '/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/graphql');
  });
});
