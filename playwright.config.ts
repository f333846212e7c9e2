import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './tests/support/chromium';

/**
 * End-to-end tests: the built renderer in Debian's Chromium against the real core behind
 * the loopback web host (`dist/host/web-host.cjs`). Each test starts its own host on its
 * own temporary data folder. Run `npm run build` first (npm test does).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two files at a time: the specs mostly wait on the host and the page, not the CPU, and
  // each has its own host and data folder; no spec asserts a wall-clock duration.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
