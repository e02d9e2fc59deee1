import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

// The config lives in web/ but is run from the repo root (npm run build:web), so every path is
// resolved against this file rather than the working directory.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root: webRoot,
  base: '/',
  // Vite 8 transforms TSX with oxc itself; no React plugin is needed.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: `${webRoot}dist`,
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each page loads (the first-screen budget test reads it).
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Two apps: the staff UI (index.html) and the citizen portal (portal/index.html → dist/portal/), which
      // shares no page code with the staff UI and loads only the antd components it uses.
      input: { main: `${webRoot}index.html`, portal: `${webRoot}portal/index.html` },
      onwarn(warning, warn) {
        // antd ships "use client" directives, which mean nothing in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
