import { fileURLToPath, URL } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

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
  },
  server: { strictPort: true },
  preview: { strictPort: true },
})
