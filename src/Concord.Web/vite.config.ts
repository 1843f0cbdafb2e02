import { defineConfig } from 'vite';

// Everything the workspace needs is bundled into dist/ and embedded in the node: no CDN, no external fonts or tiles.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
});
