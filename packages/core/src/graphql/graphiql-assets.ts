import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

/** Where the hub serves GraphiQL's code: under the GraphQL endpoint, so the portal never shadows it. */
export const GRAPHIQL_ASSETS = '/graphql/graphiql/';

// Before GraphiQL's code: Monaco reads its environment when it loads. Its workers are files of the hub, not blobs.
const START = `(function () {
  var base = document.currentScript.src.replace(/[^/]*$/, '');
  var workers = { json: 'json.worker.js', graphql: 'graphql.worker.js' };
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return base + (workers[label] || 'editor.worker.js');
    },
  };
  window.addEventListener('DOMContentLoaded', function () {
    var options = JSON.parse(document.getElementById('graphiql-options').textContent);
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
  });
})();
`;

type Bundle = typeof import('@graphql-yoga/render-graphiql/graphiql');
type Asset = { type: string; body: Uint8Array<ArrayBuffer> };

const JS = 'text/javascript; charset=utf-8';
const FILES: Record<string, (bundle: Bundle) => { type: string; body: string | Uint8Array<ArrayBuffer> }> = {
  'start.js': () => ({ type: JS, body: START }),
  'graphiql.js': (b) => ({ type: JS, body: b.js }),
  'graphiql.css': (b) => ({ type: 'text/css; charset=utf-8', body: b.css }),
  'editor.worker.js': (b) => ({ type: JS, body: b.editorWorkerService }),
  'json.worker.js': (b) => ({ type: JS, body: b.jsonWorker }),
  'graphql.worker.js': (b) => ({ type: JS, body: b.graphqlWorker }),
  'favicon.ico': (b) => ({
    type: 'image/x-icon',
    body: new Uint8Array(Buffer.from(b.favicon.slice(b.favicon.indexOf(',') + 1), 'base64')),
  }),
};

/**
 * GraphiQL's page without inline script or style and without a CDN: the code is `@graphql-yoga/render-graphiql`'s
 * bundle, served by the hub itself (see {@link useGraphiQLAssets}), so it works on a network without the Internet and
 * under a Content-Security-Policy of `script-src 'self'`. The options travel as JSON data, which no policy runs.
 */
export function renderLocalGraphiQL(options: GraphiQLOptions = {}): string {
  const title = escapeHtml(options.title ?? 'GraphiQL');
  // `<` escaped: the JSON cannot end its script element, whatever the default query holds.
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${GRAPHIQL_ASSETS}favicon.ico" />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS}graphiql.css" />
    <script src="${GRAPHIQL_ASSETS}start.js"></script>
    <script src="${GRAPHIQL_ASSETS}graphiql.js"></script>
    <script type="application/json" id="graphiql-options">${json}</script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
  </body>
</html>
`;
}

/**
 * Serves GraphiQL's files at {@link GRAPHIQL_ASSETS} (GET and HEAD). The 9 MB bundle is loaded on the first request
 * for one of them, not when the hub starts.
 */
export function useGraphiQLAssets(): Plugin {
  let assets: Promise<Map<string, Asset>> | null = null;
  const load = async () => {
    const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
    const encoder = new TextEncoder();
    return new Map(
      Object.entries(FILES).map(([name, file]) => {
        const { type, body } = file(bundle);
        return [name, { type, body: typeof body === 'string' ? encoder.encode(body) : body }];
      }),
    );
  };
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      assets ??= load();
      const asset = (await assets).get(url.pathname.slice(GRAPHIQL_ASSETS.length));
      if (!asset) {
        endResponse(new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }));
        return;
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : asset.body, {
          status: 200,
          headers: {
            'content-type': asset.type,
            'content-length': String(asset.body.length),
            // The files change only with the package's version; an hour keeps an upgrade visible soon.
            'cache-control': 'public, max-age=3600',
          },
        }),
      );
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
