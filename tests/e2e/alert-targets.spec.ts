import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, signIn, test } from './fixtures';
import { CHAIR_NURSE, seedClinic, seedReadings, seedSession } from './seed-chair';

/** A chair-side target: at least this high (CSS px), reached for mid-alarm at arm's length. */
const TARGET_MIN_HEIGHT_PX = 36;
/** The actions' text is read at a glance: no smaller than the body text. */
const TARGET_MIN_FONT_PX = 15;
/** Three alerts at once: SBP above 180 (high), HR above 120 and RR below 10 (medium). */
const THREE_ALERTS = { heartRateBpm: 125, systolicMmHg: 185, diastolicMmHg: 95, spo2Pct: 98, respiratoryRatePerMin: 9, moaasScore: 5, dissociationLevel: 2 };

/** Each alert line's action buttons: their size, and whether they stay on the line's one row, inside it. */
async function actionLayout(page: Page) {
  return page.getByTestId('active-alert').evaluateAll((lines) =>
    lines.map((line) => {
      const box = line.getBoundingClientRect();
      const buttons = [...line.querySelectorAll<HTMLElement>('.alert-actions button')].map((button) => {
        const own = button.getBoundingClientRect();
        return { text: button.textContent ?? '', height: own.height, fontPx: parseFloat(getComputedStyle(button).fontSize), inside: own.left >= box.left && own.right <= box.right && own.top >= box.top && own.bottom <= box.bottom };
      });
      return { lineHeight: box.height, buttons };
    }),
  );
}

test('the alert actions are chair-side targets: 36 px, body-size text, three alerts on one row each at 1280x800 in English and Spanish', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true });
  await seedReadings(host, sessionId, [THREE_ALERTS], 5 * 60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await signIn(page, CHAIR_NURSE);
  await page.getByTestId('chair-tab').first().click();
  await expect(page.getByTestId('active-alert')).toHaveCount(3);

  for (const language of ['en', 'es'] as const) {
    if (language !== 'en') {
      await page.getByTestId('workstation-menu').click();
      await page.getByTestId('language-choice').selectOption(language);
      await page.keyboard.press('Escape');
    }
    await expect(page.locator('html')).toHaveAttribute('lang', language);

    const lines = await actionLayout(page);
    for (const { lineHeight, buttons } of lines) {
      expect(buttons.map((b) => b.text)).toHaveLength(3);
      for (const button of buttons) {
        expect(button.height, `${language} ${button.text}`).toBeGreaterThanOrEqual(TARGET_MIN_HEIGHT_PX);
        expect(button.fontPx, `${language} ${button.text}`).toBeGreaterThanOrEqual(TARGET_MIN_FONT_PX);
        expect(button.inside, `${language} ${button.text} inside its line`).toBe(true);
      }
      // One row per alert: the actions did not wrap under the text.
      expect(lineHeight, language).toBeLessThan(2 * TARGET_MIN_HEIGHT_PX);
    }
    // The stack stays compact: the trend still starts above the fold.
    expect((await page.getByTestId('vitals-chart').boundingBox())?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(800);
    expect(await seriousViolations(page, `alerts ${language}`, 'light')).toEqual([]);
  }
  expect(pageProblems).toEqual([]);
});
