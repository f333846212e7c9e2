import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served either by Electron's app:// protocol or by the
// loopback web host; relative asset paths work for both.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  // The string catalogues as JSON.parse of a string: parsed much faster than the same object literal.
  json: { stringify: true },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // One local bundle loaded from disk or loopback, never over a network: size matters little.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // zod and the module that configures it (jitless: no eval probe under the CSP) in one
          // chunk, so the setting is made before any chunk's module code parses with zod.
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|src-renderer[\\/]zod-config/ },
            // A language other than English (the fallback, in the first bundle): its strings in one chunk.
            { name: (id: string) => `strings-${/locales[\\/](\w+)[\\/]/.exec(id)?.[1] ?? 'other'}`, test: /i18n[\\/]locales[\\/](?!en[\\/])/ },
          ],
        },
      },
    },
  },
});
