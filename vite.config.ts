import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The client is built into dist/client and served by the Atelier server itself
// (same origin as the API and the sync WebSocket). Dev server proxies both.
export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // tldraw's fonts, icons and translations are emitted as our own files
    // (never loaded from a CDN): keep them as files, not inlined data URLs.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
      '/sync': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
})
