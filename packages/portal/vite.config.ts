import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const ui = (file: string) => fileURLToPath(new URL(`../ui/src/${file}`, import.meta.url));

/**
 * The operations this build sends by hash, beside index.html: the hub serving
 * the portal reads them at start as its trusted documents.
 */
const trustedDocuments = (): Plugin => ({
  name: 'maru-trusted-documents',
  apply: 'build',
  generateBundle() {
    const source = readFileSync(fileURLToPath(new URL('src/gql/persisted-documents.json', import.meta.url)), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'trusted-documents.json', source });
  },
});

export default defineConfig({
  plugins: [react(), trustedDocuments()],
  resolve: {
    // @maru/ui from its sources: the portal does not wait for the library's build.
    alias: [
      { find: /^@maru\/ui$/, replacement: ui('index.ts') },
      { find: /^@maru\/ui\/styles\.css$/, replacement: ui('styles.css') },
    ],
  },
  // `npm run dev` talks to a hub started with `npm start` (port 4000).
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
