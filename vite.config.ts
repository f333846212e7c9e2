import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served either by Electron's app:// protocol or by the
// loopback web host; relative asset paths work for both.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // One local bundle loaded from disk or loopback, never over a network: size matters little.
    chunkSizeWarningLimit: 2000,
  },
});
