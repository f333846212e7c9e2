// Re-takes the README's screenshots (docs/*.png) from the end-to-end specs.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, UPDATE_DOCS_SCREENSHOTS: '1' },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
