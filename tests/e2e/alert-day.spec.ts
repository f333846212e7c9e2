import { expect, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import type { Page } from '@playwright/test';
import { newDataDir, startHost, type RunningHost } from './host';
import { seedClinic, seedReadings, seedSession } from './seed';

const MINUTE_MS = 60_000;
/** An evening session: main's clock starts ten minutes before midnight (local time, as the screens show it). */
const EVENING_START_AT = new Date(2026, 10, 29, 23, 50).getTime();

/** Chair 1 open at 23:51 on 2026-11-29, where SBP 196 has just raised a high alert. The caller stops the host. */
async function openEveningChair(page: Page): Promise<{ host: RunningHost; sessionId: number }> {
  const host = await startHost(newDataDir(), EVENING_START_AT);
  try {
    await seedClinic(host);
    const { sessionId } = await seedSession(host, PATIENT_A, 'Chair 1');
    await seedReadings(host, PHYSICIAN, sessionId, [{ heartRateBpm: 94, systolicMmHg: 196, diastolicMmHg: 108, spo2Pct: 97 }], MINUTE_MS);
    await page.goto(host.url);
    await signIn(page, PHYSICIAN);
    await page.getByTestId('chair-tab').filter({ hasText: 'Chair 1' }).click();
    return { host, sessionId };
  } catch (error) {
    await host.stop();
    throw error;
  }
}

test('times from before midnight carry their date once the day has changed: chair alert line, vitals overdue, queue, tile and alert history', async ({ page, pageProblems }) => {
  const { host } = await openEveningChair(page);
  try {
    const high = page.locator('[data-testid="active-alert"][data-priority="high"]');
    await expect(high).toContainText('since 23:51');
    await expect(high).not.toContainText('2026-11-29');

    // Past midnight with nothing new charted: only the day changed, and the line says so.
    await host.advanceClock(15 * MINUTE_MS);
    await expect(high).toContainText('since 2026-11-29 23:51');
    // The vitals check due five minutes after that reading has been overdue since the evening before.
    await expect(page.getByTestId('vitals-due')).toContainText('OVERDUE since 2026-11-29 23:56');

    await page.getByTestId('nav-physician').click();
    await expect(page.locator('[data-testid="queue-alert"][data-priority="high"]')).toContainText('since 2026-11-29 23:51');
    // The tile's latest values carry their time as a caption of their own, dated as it is not today's.
    await expect(page.getByTestId('tile-vitals-time')).toHaveText('Latest values on 2026-11-29 at 23:51');
    await expect(page.getByTestId('tile-vitals')).toContainText('Latest values on 2026-11-29 at 23:51HR 94');
    // The session's alert history: the row raised yesterday carries its date, one raised today its time only.
    await page.getByTestId('session-tile').click();
    const history = page.getByTestId('history-alert');
    await expect(history.filter({ hasText: 'Systolic BP 196' }).locator('td').first()).toHaveText('2026-11-29 23:51');
    await expect(history.filter({ hasText: 'Vitals check overdue' }).locator('td').first()).toHaveText(/^\d\d:\d\d$/);
    expect(pageProblems).toEqual([]);
  } finally {
    await host.stop();
  }
});

test('a session past midnight: the chair readings table and timeline date the rows of the day before, not those of today', async ({ page, pageProblems }) => {
  const { host, sessionId } = await openEveningChair(page);
  try {
    const rows = page.getByTestId('reading-row');
    const evening = rows.filter({ hasText: '196/108' }).locator('td').first();
    const alertTime = page.getByTestId('timeline-alert').filter({ hasText: 'Systolic BP 196' }).locator('.timeline-time');
    await expect(evening).toHaveText('23:51');
    await expect(alertTime).toHaveText('23:51');

    // Midnight passes with the screen open: the evening's rows gain their date, with nothing new charted.
    await host.advanceClock(15 * MINUTE_MS);
    await expect(evening).toHaveText('2026-11-29 23:51');
    await expect(alertTime).toHaveText('2026-11-29 23:51');
    // A reading of the new day reads as a time alone.
    await seedReadings(host, PHYSICIAN, sessionId, [{ heartRateBpm: 80, systolicMmHg: 130, diastolicMmHg: 82, spo2Pct: 98 }], MINUTE_MS);
    await expect(rows.filter({ hasText: '130/82' }).locator('td').first()).toHaveText('00:07');
    await expect(evening).toHaveText('2026-11-29 23:51');
    expect(pageProblems).toEqual([]);
  } finally {
    await host.stop();
  }
});
