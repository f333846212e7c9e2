import type { Page } from '@playwright/test';
import { docsScreenshot } from './docs';
import { expect, PATIENT_A, PHYSICIAN, signIn, test, typeReading, type PatientInput } from './fixtures';
import { asUser, seedClinic, seedReadings, seedSession } from './seed';

const MINUTE_MS = 60_000;
const PATIENT_B: PatientInput = { mrn: 'MRN-2002', familyName: 'Okonkwo', givenName: 'Chidi', dateOfBirth: '1979-11-30', weightKg: '92' };

/** HR, SBP, DBP, (MAP), SpO2, RR, MOAA/S, dissociation: the form's Tab order. */
const normal = (hr: number, sbp: number, dbp: number, spo2 = 97) => [String(hr), String(sbp), String(dbp), '', String(spo2), '15', '4', '2'];

/** Signs the page in and opens the chair's infusing session (set up through the contract) with its Ctrl+digit keystroke, once the `chairs` tabs are there. */
async function openChair(page: Page, url: string, key: string, chairs: number): Promise<void> {
  await page.goto(url);
  await signIn(page, PHYSICIAN);
  // The keystroke opens a chair once the open sessions have loaded, as the nurse sees its tabs.
  await expect(page.getByTestId('chair-tab')).toHaveCount(chairs);
  await page.keyboard.press(key);
  await expect(page.getByTestId('phase')).toHaveText('Infusing');
}

/** The row of the reading observed at HH:mm (the newest such row). */
const rowAt = (page: Page, time: string) => page.getByTestId('reading-row').filter({ has: page.locator('td:first-child', { hasText: time }) }).first();

/** The readings table is no wider than its scroll box: no column (the row's actions last) is cut off at the card's edge. */
async function expectTableFitsItsCard(page: Page): Promise<void> {
  const box = page.getByTestId('readings-scroll');
  const overflowPx = await box.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflowPx, 'readings table wider than its card').toBeLessThanOrEqual(0);
}

function clockTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

test('a 40-minute protocol session by keyboard: correction, artifact, late entry, overdue check, blocked early discharge, signed close', async ({ page, host, pageProblems }) => {
  // The clinic, the patient, the screening, the baseline and the start are set up through the contract.
  await seedClinic(host);
  const { sessionId } = await seedSession(host, PATIENT_A, 'Chair 1');
  await openChair(page, host.url, 'Control+1', 1);
  // The routine checks between the moments this test is about are charted through the contract; the screen hears them as pushed rows.
  const routineCheck = (hr: number, sbp: number, dbp: number) =>
    asUser(host, PHYSICIAN, (call) => call('reading/add', { sessionId, values: { heartRateBpm: hr, systolicMmHg: sbp, diastolicMmHg: dbp, spo2Pct: 97, respiratoryRatePerMin: 15, moaasScore: 4, dissociationLevel: 2 }, confirmed: [] }));

  // 5 min: a typing slip (SBP 210) raises a high alert; the nurse corrects it with a reason.
  await host.advanceClock(5 * MINUTE_MS);
  await typeReading(page, normal(80, 210, 84));
  const high = page.locator('[data-testid="active-alert"][data-priority="high"]');
  await expect(high).toContainText('Systolic BP 210 mmHg');
  const slipTime = clockTime(await host.advanceClock(0));
  const slip = rowAt(page, slipTime);
  // At the smallest supported screen (1280 x 800) the correction opens under its row, across
  // the table, with its first field focused: nothing of it is cut off at the card's edge.
  await page.setViewportSize({ width: 1280, height: 800 });
  await slip.getByRole('button', { name: 'Correct' }).click();
  const correction = page.getByRole('form', { name: 'Correct this reading' });
  await expect(correction.getByLabel('HR')).toBeFocused();
  await expect(correction.getByRole('button', { name: 'Save correction' })).toBeInViewport();
  await expectTableFitsItsCard(page);
  await correction.getByLabel('SBP').fill('130');
  await correction.getByLabel('Reason').fill('Typing slip: monitor showed 130');
  await page.keyboard.press('Enter');
  await expect(high).toHaveCount(0);
  // Saved: focus is back where the nurse types the next reading, not on the page body.
  await expect(page.getByLabel('Heart rate')).toBeFocused();
  const corrected = rowAt(page, slipTime);
  await expect(corrected.locator('[data-col="bloodPressure"]')).toHaveText('130/84');
  await corrected.getByRole('button', { name: /corrected/ }).click();
  await expect(page.getByTestId('reading-history')).toContainText('BP 210/84');
  await expect(page.getByTestId('reading-history')).toContainText('Typing slip');

  // 10 min: SpO2 81 while the probe slipped off: marked as an artifact, it leaves the alerts and the trend.
  await host.advanceClock(5 * MINUTE_MS);
  await typeReading(page, normal(82, 132, 86, 81));
  await expect(high).toContainText('Oxygen saturation 81');
  const probeTime = clockTime(await host.advanceClock(0));
  await rowAt(page, probeTime).getByRole('button', { name: 'Artifact' }).click();
  await expect(page.getByRole('form', { name: 'Mark as artifact' }).getByLabel('Reason')).toBeFocused();
  await page.keyboard.type('Probe off the finger');
  await page.keyboard.press('Enter');
  await expect(high).toHaveCount(0);
  await expect(rowAt(page, probeTime)).toHaveAttribute('data-artifact', 'true');
  await expect(page.getByLabel('Heart rate')).toBeFocused();
  // With a corrected and an artifact row, every row's actions are still inside the card.
  await expectTableFitsItsCard(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  // The trend keeps the baseline and the corrected 5-minute reading; the artifact is out.
  await expect(page.getByTestId('vitals-chart')).toHaveAttribute('data-points', '2');

  // The artifact is no check: the one due at 10 min is overdue once the grace (2 min) has passed.
  await host.advanceClock(2 * MINUTE_MS + 1000);
  await expect(page.getByTestId('vitals-due')).toHaveAttribute('data-overdue', 'true');
  // Late by whole minutes, not a running "2:01" that reads like a clock time.
  await expect(page.getByTestId('vitals-due')).toContainText('(2 min late)');
  const overdue = page.locator('[data-testid="active-alert"][data-rule="vitalsOverdue"]');
  await expect(overdue).toContainText('Vitals check overdue');
  await typeReading(page, normal(84, 134, 86));
  await expect(overdue).toHaveCount(0);
  await expect(page.getByTestId('vitals-due')).toHaveAttribute('data-overdue', 'false');

  // A side effect with one click.
  await page.getByRole('button', { name: 'Nausea' }).click();
  await expect(page.getByTestId('timeline')).toContainText('Nausea');

  // Routine checks every 5 minutes; at 32 min a reading observed at 20 min is charted late.
  let lateOf = '';
  for (let minute = 17; minute <= 32; minute += 5) {
    await host.advanceClock(5 * MINUTE_MS);
    if (minute === 22) lateOf = clockTime((await host.advanceClock(0)) - 2 * MINUTE_MS);
    if (minute === 32) {
      await page.getByLabel('Observed at').fill(lateOf);
      await typeReading(page, normal(85, 136, 88));
      await expect(rowAt(page, lateOf).locator('.late-badge')).toHaveText('late entry');
    }
    await routineCheck(86, 138, 88);
  }
  await host.advanceClock(5 * MINUTE_MS);
  await routineCheck(84, 140, 90);
  await host.advanceClock(3 * MINUTE_MS - 1000);
  await typeReading(page, normal(82, 142, 90));
  await expect(page.getByTestId('checkpoint-bpAt40Minutes')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('40:00');
  await expect(page.getByTestId('infusion-remaining')).toHaveText('0:00');
  await page.getByRole('button', { name: 'Stop infusion' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Recovery');

  // Recovery: a discharge 15 minutes in is refused (minimum 60) and leaves a technical alert.
  await host.advanceClock(15 * MINUTE_MS);
  await typeReading(page, normal(76, 130, 84));
  await page.getByTestId('aldrete-activity').locator('input[value="2"]').check();
  for (const item of ['respiration', 'circulation', 'consciousness', 'oxygenSaturation']) await page.getByTestId(`aldrete-${item}`).locator('input[value="2"]').check();
  await page.getByLabel('Responsible adult present').check();
  await page.getByLabel('No-driving instruction given').check();
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await page.getByRole('button', { name: 'Discharge', exact: true }).click();
  await page.getByTestId('phase-confirm').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.locator('.phase-actions .field-error')).toContainText('minimum recovery time not reached');
  await expect(page.locator('[data-testid="active-alert"][data-rule="earlyDischargeAttempt"]')).toContainText('Discharge attempted before the minimum recovery time');
  await expect(page.getByTestId('phase')).toHaveText('Recovery');
  await docsScreenshot(page, 'session-recovery');

  // Recovery checks every 15 minutes until the minimum has passed; then discharge and a signed close.
  for (let minute = 30; minute <= 60; minute += 15) {
    await host.advanceClock(15 * MINUTE_MS);
    await routineCheck(74, 126, 82);
  }
  await expect(page.getByTestId('discharge-ready')).toBeVisible();
  await page.getByRole('button', { name: 'Discharge', exact: true }).click();
  await page.getByTestId('phase-confirm').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Discharged');
  const pin = page.getByTestId('close-panel').getByLabel('Your PIN');
  await pin.fill(PHYSICIAN.pin);
  await pin.press('Enter');
  await expect(page.getByTestId('phase')).toHaveText('Closed');
  // Newest first, also within one minute: the close above the discharge it followed.
  const phasesShown = page.getByTestId('timeline').locator('.timeline-phase');
  await expect(phasesShown.nth(0)).toContainText('Closed');
  await expect(phasesShown.nth(1)).toContainText('Discharged');
  expect(pageProblems).toEqual([]);
});

test('two chairs side by side: independent timers and alerts, one keystroke to switch', async ({ page, host, pageProblems }) => {
  // Chair 1 started 10 minutes before Chair 2, with its two routine checks; all through the contract.
  await seedClinic(host);
  const chair1 = await seedSession(host, PATIENT_A, 'Chair 1');
  await seedReadings(host, PHYSICIAN, chair1.sessionId, [76, 78].map((hr) => ({ heartRateBpm: hr, systolicMmHg: 126, diastolicMmHg: 82, spo2Pct: 97 })), 5 * MINUTE_MS);
  await seedSession(host, PATIENT_B, 'Chair 2');
  await host.advanceClock(3 * MINUTE_MS);
  await openChair(page, host.url, 'Control+2', 2);
  await expect(page.getByTestId('session-screen')).toContainText('Okonkwo, Chidi');

  const tabs = page.getByTestId('chair-tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.nth(0)).toContainText('Chair 1');
  await expect(tabs.nth(0)).toContainText('13:00');
  await expect(tabs.nth(1)).toContainText('Chair 2');
  await expect(tabs.nth(1)).toContainText('3:00');
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('3:00');

  // A high alert in Chair 2 does not touch Chair 1.
  await typeReading(page, normal(88, 188, 96));
  await expect(page.locator('[data-testid="active-alert"][data-priority="high"]')).toHaveCount(1);
  await expect(tabs.nth(1)).toContainText('!!!');

  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('session-screen')).toContainText('Lindqvist, Maja');
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('13:00');
  await expect(page.getByTestId('no-alerts')).toBeVisible();
  await expect(page.getByLabel('Heart rate')).toBeVisible();

  // A rate change says it was taken, with the rate and the time.
  await page.getByLabel('New rate (mL/h)').fill('45');
  await page.getByLabel('New rate (mL/h)').press('Enter');
  await expect(page.getByTestId('rate-saved')).toHaveText(/^✓ Rate changed to 45 mL\/h at \d{2}:\d{2}$/);
  await expect(page.getByTestId('current-rate')).toHaveText('45 mL/h');

  // Chair 1 pauses; only its infusion clock stops.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Paused');
  // The pump's rate says that it is not running, not only the set figure.
  await expect(page.getByTestId('current-rate')).toHaveText('45 mL/h · paused, pump not running');
  await host.advanceClock(2 * MINUTE_MS);
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('13:00');
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('session-screen')).toContainText('Okonkwo, Chidi');
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('5:00');
  expect(pageProblems).toEqual([]);
});
