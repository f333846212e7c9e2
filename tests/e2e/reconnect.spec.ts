import { docsScreenshot } from './docs';
import { expect, PATIENT_A, PHYSICIAN, signIn, test, typeReading } from './fixtures';
import type { RunningHost } from './host';
import { asUser, BASELINE_VITALS, seedClinic, seedSession } from './seed';

/** The host drops every socket as a network fault would, and holds the windows that come back out until told (test-clock hosts only). */
async function sockets(host: RunningHost, body: { drop: boolean; holdResumes: boolean }): Promise<void> {
  const response = await fetch(`${host.origin}/__test/sockets?token=${encodeURIComponent(host.token)}`, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status).toBe(200);
}

test('a dropped WebSocket heals without a reload or a sign-in: the nurse sees it reconnecting, a write meanwhile is refused unsent, a reading charted elsewhere appears', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  const { sessionId } = await seedSession(host, PATIENT_A, 'Chair 1');

  await page.goto(host.url);
  await signIn(page);
  await page.getByTestId('chair-tab').filter({ hasText: 'Chair 1' }).click();
  const rows = page.getByTestId('reading-row');
  await expect(rows).toHaveCount(1);
  // A full reload would lose this.
  await page.evaluate(() => Object.assign(window, { vigilMarker: 'set before the drop' }));

  await sockets(host, { drop: true, holdResumes: true });
  const reconnecting = page.getByTestId('link-reconnecting');
  await expect(reconnecting).toContainText('Reconnecting to Vigil');
  await docsScreenshot(page, 'reconnecting-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await docsScreenshot(page, 'reconnecting-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // A reading typed while the link is down is not sent (so never charted twice), and stays on screen.
  await typeReading(page, ['131', '124', '80']);
  await expect(page.getByText('Not saved: Not connected to Vigil (reconnecting): nothing was sent.')).toBeVisible();
  await expect(page.getByLabel('Heart rate')).toHaveValue('131');

  // Meanwhile another window charts a reading the page has not heard of.
  await host.advanceClock(60_000);
  await asUser(host, PHYSICIAN, (call) => call('reading/add', { sessionId, values: { ...BASELINE_VITALS, heartRateBpm: 88 } }));

  await sockets(host, { drop: false, holdResumes: false });
  await expect(reconnecting).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('[data-col="heartRateBpm"]')).toHaveText('88');
  expect(await page.evaluate(() => (window as unknown as { vigilMarker?: string }).vigilMarker)).toBe('set before the drop');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);

  // Still signed in as the same user in main: the held entry saves now.
  await page.getByLabel('Heart rate').focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(3);
  expect(pageProblems).toEqual([]);
});
