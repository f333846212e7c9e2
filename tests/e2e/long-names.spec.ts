import type { Locator } from '@playwright/test';
import { expect, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import { seedClinic, seedReadings, seedSession } from './seed-chair';

/** The longest names main accepts (100 characters each): the chair, the clock, the alert and the controls stay in view. */
const LONG_NAMED = {
  mrn: 'MRN-7700123456',
  familyName: 'Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh-Vanderbijlparkmontgomerysmithersonjones-Smythe',
  givenName: 'Maria-Magdalena Alexandrina Konstantinopoulou Bartholomew Christopherson Evangeline Theodora Annette',
  dateOfBirth: '1984-03-12',
  weightKg: '80',
};

/** Whether `inner` lies wholly inside `outer` on screen. */
async function expectInside(inner: Locator, outer: Locator): Promise<void> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  if (!a || !b) throw new Error('both boxes must be rendered');
  expect(a.x).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + b.height + 0.5);
}

test('100-character names at 1280x800: the chair tabs, the physician tile and the alert queue keep the chair, clock, alert and controls in view; the full name stays in the title and accessible name', async ({ page, host, pageProblems }) => {
  expect([LONG_NAMED.familyName.length, LONG_NAMED.givenName.length]).toEqual([100, 100]);
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true, patient: LONG_NAMED, chair: 'Chair 1' });
  await seedSession(host, { start: true, patient: PATIENT_A, chair: 'Chair 2' });
  await seedReadings(host, sessionId, [{ heartRateBpm: 92, systolicMmHg: 186, diastolicMmHg: 102, spo2Pct: 96 }], 5 * 60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);

  // Chair tabs: the long name is cut, so Chair 2's tab (its patient too) stays wholly in view.
  const tabs = page.getByTestId('chair-tab');
  await expect(tabs).toHaveCount(2);
  await expectInside(tabs.nth(1), page.locator('.chair-tab-list'));
  await expect(tabs.nth(0).locator('.chair-tab-patient')).toHaveAttribute('title', LONG_NAMED.familyName);
  await expect(tabs.nth(0)).toHaveAccessibleName(new RegExp(LONG_NAMED.familyName));

  // Physician's tile: the chair, clock and alert inside the tile; the name wraps inside it.
  await page.getByTestId('nav-physician').click();
  const tile = page.locator(`[data-testid="session-tile"][data-session-id="${sessionId}"]`);
  await expect(tile.getByTestId('tile-alert')).toContainText('Systolic BP 186');
  const fullName = `${LONG_NAMED.familyName}, ${LONG_NAMED.givenName}`;
  await expect(tile.getByTestId('tile-name')).toHaveAttribute('title', fullName);
  for (const part of [tile.locator('.tile-head strong'), tile.getByTestId('tile-name'), tile.locator('.tile-clock'), tile.getByTestId('tile-alert')]) await expectInside(part, tile);
  await expect(tile.locator('.tile-head strong')).toHaveText('Chair 1');
  expect(await tile.locator('.tile-head strong').evaluate((chair) => { const range = document.createRange(); range.selectNodeContents(chair); return range.getClientRects().length; }), 'the chair on one line').toBe(1);

  // Alert queue: the chair and name take one line; the alert's text gets the room to read.
  const queued = page.getByTestId('queue-alert').filter({ hasText: 'Systolic BP 186' });
  await expect(queued.getByTestId('queue-where')).toHaveAttribute('title', `Chair 1 ${LONG_NAMED.familyName}`);
  const [where, text] = [await queued.getByTestId('queue-where').boundingBox(), await queued.locator('.alert-text').boundingBox()];
  expect(where && text && text.width > where.width).toBe(true);
  await expectInside(queued.getByRole('button', { name: 'Acknowledge' }), queued);
  expect(pageProblems).toEqual([]);
});
