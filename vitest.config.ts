import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Test files share each fork's module cache instead of importing the whole core anew per
    // file: 54 s instead of 125 s for the suite on this 2-core machine. Tests therefore must not
    // rely on fresh module state (every core, clock and store is made per test or per file).
    isolate: false,
    testTimeout: 20_000,
  },
});
