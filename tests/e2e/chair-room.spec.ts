import { expect, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import { seedClinic, seedReadings, seedSession } from './seed-chair';

/** The chair in a dim room: the theme, the language, and where focus goes after each action. */

test('dark mode follows the OS setting (prefers-color-scheme) and can be set for this workstation; the language switch turns the session screen Spanish', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true });
  await seedReadings(host, sessionId, [{ heartRateBpm: 92, systolicMmHg: 186, diastolicMmHg: 102, spo2Pct: 96, respiratoryRatePerMin: 16, moaasScore: 4, dissociationLevel: 2 }], 5 * 60_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await signIn(page, PHYSICIAN);
  await page.getByTestId('chair-tab').first().click();
  await expect(page.locator('[data-testid="active-alert"][data-priority="high"]')).toBeVisible();
  // No large white area: the page and its cards are dark; the high alert keeps its red.
  const background = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background('html')).toBe('rgb(14, 19, 24)');
  expect(await background('.session-header')).toBe('rgb(22, 29, 37)');
  expect(await background('[data-testid="active-alert"][data-priority="high"]')).toBe('rgb(198, 40, 40)');

  // The workstation's own choice wins over the OS, and is kept on this machine across reloads.
  await page.getByTestId('workstation-menu').click();
  await page.getByTestId('theme-choice').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background('html')).toBe('rgb(243, 245, 248)');
  await signIn(page, PHYSICIAN);
  await page.getByTestId('chair-tab').first().click();

  // The language switch turns the session screen Spanish, and back.
  await page.getByTestId('workstation-menu').click();
  await page.getByTestId('language-choice').selectOption('es');
  await expect(page.getByTestId('phase')).toHaveText('En infusión');
  await expect(page.getByRole('button', { name: 'Detener infusión' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nueva lectura' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // The alarm line reads as Spanish, not an English word order with a capitalised priority ("alarma Alta sonando").
  await expect(page.getByTestId('alarm-status')).toContainText('Alarma alta sonando');
  await page.getByTestId('language-choice').selectOption('en');
  await expect(page.getByTestId('phase')).toHaveText('Infusing');
  expect(pageProblems).toEqual([]);
});

test('an empty clinic says how to start; focus lands on HR after Start infusion, Stop and a cancelled Abort; Abort and Discharge ask first; the destructive actions are off the path to Save', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  // An empty clinic says how to register the first patient; focus is in the search field, not on the body.
  await expect(page.getByTestId('patients-empty')).toContainText('Register the first with "New patient"');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await seedSession(host);
  await page.keyboard.type(PATIENT_A.familyName);
  await page.getByTestId(`patient-${PATIENT_A.mrn}`).getByRole('button', { name: 'In Chair 1' }).click();
  const heartRate = page.getByLabel('Heart rate');

  await page.getByRole('button', { name: 'Start infusion' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Infusing');
  await expect(heartRate).toBeFocused();
  // From HR, Tab runs through the form to Save: never through Pause, Stop or Abort.
  for (let step = 0; step < 20; step++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(name).not.toMatch(/Pause|Stop|Abort/);
    if (name.startsWith('Save reading')) break;
  }
  await expect(page.getByRole('button', { name: 'Save reading (Enter)' })).toBeFocused();

  await page.getByRole('button', { name: 'Abort session' }).click();
  const confirm = page.getByTestId('phase-confirm');
  await expect(confirm).toContainText(`Abort session for ${PATIENT_A.familyName}, ${PATIENT_A.givenName} in Chair 1?`);
  await expect(page.getByTestId('phase')).toHaveText('Infusing');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('phase')).toHaveText('Infusing');
  await expect(heartRate).toBeFocused();

  await page.getByRole('button', { name: 'Stop infusion' }).click();
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Recovery');
  await expect(heartRate).toBeFocused();

  await page.getByRole('button', { name: 'Discharge', exact: true }).click();
  await expect(confirm).toContainText('Discharge for');
  await expect(page.getByTestId('phase')).toHaveText('Recovery');
  expect(pageProblems).toEqual([]);
});
