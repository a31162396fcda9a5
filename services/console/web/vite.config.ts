import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console's single-page app. The NestJS server in services/console/src serves the build from
// dist/services/console/web under a strict Content-Security-Policy (script-src 'self'; style-src 'self'),
// so nothing here may inline a script or a style.
const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const server = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webDir,
  plugins: [react()],
  // Not node_modules/.vite: node_modules is shared between worktrees. tmp/ is git-ignored.
  cacheDir: `${repoRoot}tmp/vite/console-web`,
  build: {
    outDir: `${repoRoot}dist/services/console/web`,
    emptyOutDir: true,
    // Small assets inlined as data: URLs would be fine for images, but not for scripts or styles.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': server,
      '/auth': server,
      '/session': server,
    },
  },
  preview: {
    proxy: {
      '/api': server,
      '/auth': server,
      '/session': server,
    },
  },
});
