import { startHost } from './host';
import { seedChairs } from './seed';
import { docsScreenshot } from './docs';
import { expect, openSession, PATIENT_A, recordNegativeScreening, registerPatient, setUpFirstAccount, signIn, test, typeReading } from './fixtures';

const MINUTE_MS = 60_000;

test('a nurse charts a session by keyboard, sees a high BP alert, and finds everything after a restart', async ({ page, host, pageProblems }) => {
  await page.goto(host.url);
  await setUpFirstAccount(page);
  // The clinic's chairs, as its administrator would have set them (through the contract).
  await seedChairs(host);
  // A form refused by main marks every field it refuses in one answer, not one per submit.
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByRole('button', { name: 'Register patient' }).click();
  const newPatient = page.getByRole('form', { name: 'New patient' });
  await expect(newPatient.locator('input[aria-invalid="true"]')).toHaveCount(5);
  await page.getByLabel('MRN', { exact: true }).fill(PATIENT_A.mrn);
  await page.getByLabel('Family name').fill(PATIENT_A.familyName);
  await page.getByLabel('Given name').fill(PATIENT_A.givenName);
  await page.getByLabel('Date of birth').fill('2099-01-01');
  await page.getByLabel('Weight (kg)').fill('900');
  await page.getByRole('button', { name: 'Register patient' }).click();
  await expect(newPatient.locator('input[aria-invalid="true"]')).toHaveCount(2);
  await expect(page.getByLabel('Weight (kg)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Date of birth')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await registerPatient(page, PATIENT_A);
  await openSession(page, PATIENT_A.mrn, 'Chair 1');
  await expect(page.getByTestId('phase')).toHaveText('Screening');

  // Baseline, before the line goes in: HR, SBP, DBP, (MAP), SpO2, RR, MOAA/S, dissociation.
  await typeReading(page, ['72', '128', '82', '', '98', '14', '5', '0']);
  await expect(page.getByTestId('reading-status')).toContainText('Saved');
  await expect(page.getByLabel('Heart rate')).toBeFocused();
  await recordNegativeScreening(page);
  await expect(page.getByTestId('start-ready')).toBeVisible();

  await page.getByRole('button', { name: 'Start infusion' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Infusing');
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('0:00');

  // The timer moves with main's clock: ticks carry time derived from stored timestamps.
  await host.advanceClock(65_000);
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('1:05');
  await expect(page.getByTestId('infusion-remaining')).toHaveText('38:55');

  await host.advanceClock(4 * MINUTE_MS - 65_000);
  await typeReading(page, ['84', '142', '88', '', '97', '15', '4', '2']);
  await expect(page.getByTestId('reading-row')).toHaveCount(2);
  await host.advanceClock(5 * MINUTE_MS);
  await typeReading(page, ['90', '150', '92', '', '97', '16', '4', '3']);

  const rows = page.getByTestId('reading-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('[data-col="bloodPressure"]')).toHaveText('150/92');
  await expect(rows.first().locator('[data-col="meanArterialMmHg"]')).toContainText('111');
  await expect(rows.last().locator('[data-col="heartRateBpm"]')).toHaveText('72');
  await expect(page.getByTestId('vitals-chart')).toHaveAttribute('data-points', '3');
  // One marker per reading on each of the seven charted parameters (HR, SBP, DBP; SpO2, RR; MOAA/S, dissociation).
  await expect(page.locator('[data-testid="vitals-chart"] .recharts-line-dots circle')).toHaveCount(21);
  await expect(page.locator('[data-testid="vitals-chart"] [data-panel="circulation"] .recharts-line-dots circle')).toHaveCount(9);
  await expect(page.getByTestId('no-alerts')).toBeVisible();

  // Out of range: SBP above 180 is high priority (CLINICAL.md section 4).
  await host.advanceClock(5 * MINUTE_MS);
  await typeReading(page, ['96', '192', '104', '', '96', '16', '4', '3']);
  const high = page.locator('[data-testid="active-alert"][data-priority="high"]');
  await expect(high).toHaveCount(1);
  await expect(high).toContainText('Systolic BP 192 mmHg');
  await expect(high).toContainText('above 180');
  await expect(high).toContainText('!!!');
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('14:00');
  await expect(rows).toHaveCount(4);
  await docsScreenshot(page, 'session-alert');

  // Restart on the same data folder; the host's clock resumes one minute later.
  // The page leaves first: a stopped host would otherwise refuse the page's reconnect
  // fetches, which the page-problems check rightly counts as errors.
  const clockBeforeStop = await host.advanceClock(0);
  await page.goto('about:blank');
  await host.stop();
  const restarted = await startHost(host.dataDir, clockBeforeStop + MINUTE_MS);
  try {
    await page.goto(restarted.url);
    await signIn(page);
    const tab = page.getByTestId('chair-tab');
    await expect(tab).toHaveCount(1);
    await expect(tab).toContainText('Chair 1');
    await expect(tab).toContainText('!!!');
    await tab.click();
    await expect(page.getByTestId('phase')).toHaveText('Infusing');
    await expect(page.getByTestId('reading-row')).toHaveCount(4);
    await expect(page.getByTestId('reading-row').first().locator('[data-col="bloodPressure"]')).toHaveText('192/104');
    await expect(page.locator('[data-testid="active-alert"][data-priority="high"]')).toContainText('Systolic BP 192 mmHg');
    await expect(page.getByTestId('infusion-elapsed')).toHaveText('15:00');
    await restarted.advanceClock(30_000);
    await expect(page.getByTestId('infusion-elapsed')).toHaveText('15:30');
  } finally {
    await restarted.stop();
  }
  expect(pageProblems).toEqual([]);
});
