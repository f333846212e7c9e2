import type { Page } from '@playwright/test';

/**
 * Times the nurse's next commit inside the page: from the Enter keydown to the first animation
 * frame after the typed row is in the table. Playwright's own polling of an assertion (steps of
 * 100, 250, 500 ms) rounds a 30 ms commit up to the next step, so it cannot measure this.
 * Call before pressing Enter; `committedAfterMs` answers once the row is drawn.
 */
export async function watchCommit(page: Page, rowText: string): Promise<void> {
  await page.evaluate((text) => {
    const probe = window as unknown as { vigilCommitMs?: Promise<number> };
    probe.vigilCommitMs = new Promise((resolve) => {
      let enterAt = 0;
      const onKey = (event: KeyboardEvent) => {
        if (event.key === 'Enter' && enterAt === 0) enterAt = performance.now();
      };
      const shown = () => [...document.querySelectorAll('[data-testid="reading-row"][data-source="manual"]')].some((row) => row.textContent?.includes(text));
      const observer = new MutationObserver(() => {
        if (enterAt === 0 || !shown()) return;
        observer.disconnect();
        document.removeEventListener('keydown', onKey, true);
        requestAnimationFrame(() => resolve(Math.round(performance.now() - enterAt)));
      });
      document.addEventListener('keydown', onKey, true);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, rowText);
}

export async function committedAfterMs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { vigilCommitMs?: Promise<number> }).vigilCommitMs ?? Promise.resolve(Number.NaN));
}

/**
 * With `VIGIL_E2E_PROFILE_DIR` set: the page's CPU profile from now until the returned stop,
 * written there as page.cpuprofile (the host writes its own there too, see host.ts). Open both
 * in Chromium's DevTools (Performance / JavaScript Profiler).
 */
export async function profilePage(page: Page): Promise<() => Promise<void>> {
  const dir = process.env.VIGIL_E2E_PROFILE_DIR;
  if (!dir) return async () => undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/page.cpuprofile`, JSON.stringify(profile));
  };
}
