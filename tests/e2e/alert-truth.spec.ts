import { docsScreenshot } from './docs';
import { expect, PHYSICIAN, signIn, test } from './fixtures';
import { CHAIR_NURSE, seedClinic, seedReadings, seedSession } from './seed-chair';

const MINUTE_MS = 60_000;
/** Four alerts at once: SBP above 180 (high), HR above 120, RR below 10 and dissociation at or above 4 (medium); NEWS2 stays at 3. */
const FOUR_ALERTS = { heartRateBpm: 125, systolicMmHg: 185, diastolicMmHg: 95, spo2Pct: 98, respiratoryRatePerMin: 9, moaasScore: 5, dissociationLevel: 4 };

test('alerts tell the truth at a glance: raised and current value, the trend above the fold with four alerts, acknowledged look on both screens, an alert that ended itself in the recent strip', async ({ browser, page, host, pageProblems }) => {
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true });
  await seedReadings(host, sessionId, [FOUR_ALERTS], 5 * MINUTE_MS);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await signIn(page, CHAIR_NURSE);
  await page.getByTestId('chair-tab').first().click();
  const active = page.getByTestId('active-alert');
  await expect(active).toHaveCount(4);
  // The compact stack keeps the latest values and the trend in view: the trend's top edge is above the fold.
  const trendTop = (await page.getByTestId('vitals-chart').boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  expect(trendTop).toBeLessThan(800);

  const physician = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await physician.goto(host.url);
  await signIn(physician, PHYSICIAN);
  await physician.getByTestId('nav-physician').click();
  const tile = physician.getByTestId('session-tile');
  await expect(tile.getByTestId('tile-sedation')).toHaveText('MOAA/S 5 · Dissociation 4');
  // The values' time is a caption of its own, not read as the dissociation's ("Dissociation 4 18:45").
  await expect(tile.getByTestId('tile-vitals-time')).toHaveText(/^Latest values at \d\d:\d\d$/);
  // A label never wraps away from its value ("RR" at a line's end, "9" under it): they are joined by no-break spaces.
  expect(await tile.getByTestId('tile-vitals').textContent()).toContain('RR\u00a09');

  // A lower reading, still above the clearing band: the alert keeps the value that raised it and says what is true now.
  await host.advanceClock(4 * MINUTE_MS);
  await seedReadings(host, sessionId, [{ ...FOUR_ALERTS, systolicMmHg: 176, diastolicMmHg: 98 }]);
  const sbp = page.locator('[data-testid="active-alert"][data-rule="sbp-above-180"]');
  const time = await page.evaluate(() => new Date().toTimeString().slice(0, 5));
  await expect(sbp).toContainText('Systolic BP 185 mmHg — above 180');
  await expect(active.getByTestId('alert-now')).toHaveCount(4);
  await expect(sbp.getByTestId('alert-now')).toContainText(`now 176 mmHg at`);
  await expect(tile.getByTestId('tile-alert')).toContainText('now 176 mmHg');
  // The table marks by one rule, explained under it: 176/98 was charted while the SBP alert was active.
  const newest = page.getByTestId('reading-row').first();
  await expect(newest.locator('[data-col="bloodPressure"]')).toHaveText('176/98');
  await expect(newest.locator('[data-col="bloodPressure"]')).toHaveClass(/flag-high/);
  await expect(page.getByTestId('readings-legend')).toContainText("in that alert's colour");
  expect(time).toMatch(/^\d\d:\d\d$/);

  // Acknowledged at the chair: outline instead of fill, "seen by", on the chair screen and the physician's tile.
  await expect(sbp).toHaveAttribute('data-acknowledged', 'false');
  const filled = await sbp.evaluate((element) => getComputedStyle(element).backgroundColor);
  await sbp.getByRole('button', { name: 'Acknowledge' }).click();
  await page.keyboard.press('Enter');
  await expect(sbp).toHaveAttribute('data-acknowledged', 'true');
  await expect(sbp).toContainText(`Seen by ${CHAIR_NURSE.displayName}`);
  expect(await sbp.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(filled);
  expect(await sbp.evaluate((element) => getComputedStyle(element).borderTopColor)).toBe(filled);
  await expect(tile.getByTestId('tile-alert')).toHaveAttribute('data-acknowledged', 'true');
  await expect(tile.getByTestId('tile-alert')).toContainText(`Seen by ${CHAIR_NURSE.displayName}`);
  await expect(tile).not.toContainText('ESCALATED');
  await docsScreenshot(page, 'session-alerts');
  await page.emulateMedia({ colorScheme: 'dark' });
  await docsScreenshot(page, 'session-alerts-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The SBP falls back to normal: the alert ends by itself and stays in view in the recent strip.
  await host.advanceClock(MINUTE_MS);
  await seedReadings(host, sessionId, [{ ...FOUR_ALERTS, systolicMmHg: 150, diastolicMmHg: 90 }]);
  await expect(sbp).toHaveCount(0);
  const ended = page.locator('[data-testid="ended-alert"][data-rule="sbp-above-180"]');
  await expect(ended).toContainText('Systolic BP 185 mmHg — above 180');
  await expect(ended).toContainText('now 150 mmHg');
  await expect(ended).toContainText('(Cleared)');
  // The session's timeline keeps its end beside its raising.
  const timelineEnd = page.getByTestId('timeline-ended').filter({ hasText: 'Systolic BP 185 mmHg' });
  await expect(timelineEnd).toContainText('Alert ended (Cleared)');
  // Fifteen minutes later it has gone from the strip (it stays in the session's record).
  await host.advanceClock(16 * MINUTE_MS);
  await expect(ended).toHaveCount(0, { timeout: 5000 });
  expect(pageProblems).toEqual([]);
  await physician.close();
});
