import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';
import { GRAPHIQL_ASSETS, renderLocalGraphiQL } from './graphiql-assets.js';

describe('GraphiQL from the hub itself', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub({ graphiql: true });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('the page loads its code from the hub only, with no inline script', async () => {
    const page = await hub.fetch('http://hub.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/unpkg|jsdelivr|https?:\/\//);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(3);
    for (const [, attributes, body] of scripts) {
      if (attributes!.includes('type="application/json"')) JSON.parse(body!);
      else expect([attributes, body]).toEqual([expect.stringContaining(`src="${GRAPHIQL_ASSETS}`), '']);
    }
    expect(html).not.toContain('<style');
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(files.every((file) => file.startsWith(GRAPHIQL_ASSETS))).toBe(true);
    for (const file of [...files, `${GRAPHIQL_ASSETS}editor.worker.js`, `${GRAPHIQL_ASSETS}graphql.worker.js`]) {
      const asset = await hub.fetch(`http://hub.test${file}`);
      expect(asset.status, file).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript|css|icon/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    expect((await hub.fetch(`http://hub.test${GRAPHIQL_ASSETS}nothing.js`)).status).toBe(404);
  });

  it('options travel as JSON data that cannot end its script element', () => {
    const html = renderLocalGraphiQL({ title: '<b>', defaultQuery: '# </script><script>alert(1)</script>' });
    expect(html).not.toContain('</script><script>alert');
    expect(html).toContain('<title>&#60;b&#62;</title>');
  });
});
