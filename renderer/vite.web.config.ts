import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The renderer built for the web host (browsers, tests). Electron builds it via electron.vite.config.ts. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: '/',
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, '..', 'dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
