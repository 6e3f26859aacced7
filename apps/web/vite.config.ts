import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const bff = process.env.WHARF_BFF_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [
    react(),
    // Brotli and gzip copies of the scripts and styles, made once here: the BFF sends them as they
    // are instead of compressing every asset again on every cold load.
    compression({
      include: /\.(js|css|svg)$/,
      algorithms: ['brotliCompress', 'gzip'],
      logLevel: 'silent',
    }),
  ],
  base: './',
  resolve: {
    conditions: ['source', 'module', 'browser', 'development|production'],
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    // The BFF reads it to preload a landing screen's code with its HTML (apps/bff web-app.ts).
    manifest: true,
    rollupOptions: {
      output: {
        codeSplitting: {
          groups: [
            // A chunk of its own, imported first by the entry, so it runs before any other.
            { name: 'zod-jitless', test: /\/src\/zod-jitless\.ts$/, priority: 2 },
            // Everything the entry imports statically is loaded by every cold load anyway: one
            // chunk, not the 20 small ones the screens' shared imports would cut it into. Each
            // request costs a cold load Chromium CPU and, over HTTP/1.1, a turn on one of six
            // connections (Needs attention's first paint, docs/benchmarks.md, session 8).
            { name: 'index', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': bff,
      '/socket.io': { target: bff, ws: true },
    },
  },
});
