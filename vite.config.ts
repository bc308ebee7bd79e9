import { fileURLToPath, URL } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// `npm run bench` only (scripts/bench.mjs sets it): the benchmark's harness page is built as a second entry,
// beside the app, so it can time the chart and the presence simulation. Never part of the production build.
const benchHarness = process.env.NODE_CONSOLE_BENCH === '1'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
  },
  // Several dev servers (parallel e2e runs) must not share one dependency cache.
  cacheDir: process.env.VITE_CACHE_DIR ?? 'node_modules/.vite',
  worker: { format: 'es' },
  build: {
    target: 'es2023',
    sourcemap: true,
    // The overview's first load is budgeted (README, "Performance"); report every chunk.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 900,
    ...(benchHarness && {
      rolldownOptions: {
        input: {
          main: fileURLToPath(new URL('./index.html', import.meta.url)),
          harness: fileURLToPath(new URL('./scripts/bench/harness.html', import.meta.url)),
        },
      },
    }),
  },
  server: { strictPort: true },
  preview: { strictPort: true },
})
