import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const ui = (file: string) => fileURLToPath(new URL(`../ui/src/${file}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
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
