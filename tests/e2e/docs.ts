import type { Page } from '@playwright/test';

/**
 * With UPDATE_DOCS_SCREENSHOTS=1 (npm run docs:screenshots) the e2e specs also write the
 * README's screenshots into docs/; a normal run leaves docs/ alone.
 */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `docs/${name}.png`, fullPage: true });
}
