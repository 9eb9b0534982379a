import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, spawnHub, tempDir, type HubProcess } from './helpers.js';

const CHROMIUM = process.env.MARU_CHROMIUM ?? '/usr/bin/chromium';
const ALLOWED = 'https://portal.example.go.kr';

describe('web hardening: security headers, CORS, GraphiQL offline', () => {
  let hub: HubProcess;
  /** The hub's origin (`hub.url` is its GraphQL endpoint). */
  let base: string;
  beforeAll(async () => {
    hub = await spawnHub({ MARU_DATA_DIR: tempDir('maru-web-'), MARU_CORS_ORIGINS: ALLOWED }, ['--demo']);
    base = new URL(hub.url).origin;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('every answer carries the CSP, nosniff, no referrer and no framing; no HSTS without https', async () => {
    for (const [path, accept] of [
      ['/healthz', '*/*'],
      ['/graphql', 'text/html'],
      ['/graphql/graphiql/graphiql.js', '*/*'],
      ['/', 'text/html'],
      ['/no-such-page', 'text/html'],
    ] as const) {
      const response = await fetch(base + path, { headers: { accept }, redirect: 'manual' });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      await response.arrayBuffer();
    }
  });

  it('CORS over HTTP: the listed origin on a miss and a hit, another origin nothing', async () => {
    const query = '{ organizations(first: 1) { totalCount } }';
    const post = (origin: string) =>
      fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ query }),
      });
    const miss = await post(ALLOWED);
    const hit = await post(ALLOWED);
    expect([miss.headers.get('x-maru-cache'), hit.headers.get('x-maru-cache')]).toEqual(['MISS', 'HIT']);
    for (const response of [miss, hit]) {
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    }
    const other = await post('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(hub.url, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    // Demo mode: introspection is public.
    expect((await gql(hub.url, '{ __schema { queryType { name } } }')).body.data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  describe.skipIf(!existsSync(CHROMIUM))('in a browser with no network beyond the hub', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('GraphiQL loads from the hub, breaks no CSP rule, and its docs explorer opens', async () => {
      const page = await browser.newPage();
      const blocked: string[] = [];
      const violations: string[] = [];
      // As on a separated network (망분리): anything not on the hub's own address fails.
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:')
          return route.continue();
        blocked.push(url.href);
        return route.abort();
      });
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      page.on('pageerror', (error) => violations.push(String(error)));
      const workers: string[] = [];
      page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
      await page.goto(hub.url);
      await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: /documentation explorer/i }).click();
      await page.getByText('Root Types').waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Query' }).first().click();
      await page.getByText('organizations', { exact: false }).first().waitFor({ timeout: 30_000 });
      // Monaco's workers run from the hub's files (not blobs, which the policy does not allow). The GraphQL language
      // worker starts when the editor first needs it, which may come after the explorer opened on a busy machine.
      await expect.poll(() => workers, { timeout: 30_000 }).toContain('/graphql/graphiql/graphql.worker.js');
      expect(blocked).toEqual([]);
      expect(violations).toEqual([]);
      await page.close();
    });

    it('the portal renders under the same policy without a violation', async () => {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      page.on('pageerror', (error) => violations.push(String(error)));
      // The built portal when there is one (else `/` leads to GraphiQL).
      await page.goto(base + '/');
      await page.locator('#root *').first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
      await page.close();
    });
  });
});
