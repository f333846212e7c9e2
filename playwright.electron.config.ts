import { defineConfig } from '@playwright/test';

/**
 * The Electron shell itself (window security, app:// with its CSP, navigation rules, IPC)
 * through Playwright's `_electron`, on the built app (`npm run build` first). Each test
 * launches the app on its own temporary data folder. Where no Electron binary is installed
 * (build machines without internet) every test is skipped and the reason is printed.
 */
export default defineConfig({
  testDir: 'tests/electron',
  globalSetup: './tests/electron/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
