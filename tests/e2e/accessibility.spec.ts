import type { Page } from '@playwright/test';
import { expect, openScreen, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import { seriousViolations } from './axe';
import { seedClinic, seedReadings, seedSession } from './seed-chair';

const SCREENS: { name: string; open(page: Page): Promise<void> }[] = [
  { name: 'patients', open: (page) => page.getByRole('button', { name: 'Patients', exact: true }).click() },
  { name: 'session', open: async (page) => {
      await page.getByTestId('chair-tab').first().click();
      await expect(page.locator('[data-testid="active-alert"]').first()).toBeVisible();
    } },
  { name: 'physician', open: async (page) => {
      await page.getByTestId('nav-physician').click();
      await expect(page.getByTestId('session-tile')).toHaveCount(2);
    } },
  // Chair 2 is screened and ready: the green "Ready to start" line has its own contrast.
  { name: 'screening ready', open: async (page) => {
      await page.getByTestId('chair-tab').filter({ hasText: 'Chair 2' }).click();
      await expect(page.getByTestId('start-ready')).toBeVisible();
    } },
  { name: 'rules', open: async (page) => {
      await openScreen(page, 'Alert rules');
      await expect(page.getByTestId('rule-table')).toBeVisible();
    } },
  { name: 'clinic settings', open: async (page) => {
      await openScreen(page, 'Clinic settings');
      await expect(page.getByTestId('clinic-config')).toBeVisible();
    } },
  { name: 'protocols', open: (page) => openScreen(page, 'Protocols') },
  { name: 'users', open: (page) => openScreen(page, 'Users') },
  { name: 'monitors', open: (page) => openScreen(page, 'Monitors') },
  { name: 'history', open: async (page) => {
      await page.getByRole('button', { name: 'Patients', exact: true }).click();
      await page.getByTestId(`patient-${PATIENT_A.mrn}`).getByRole('button', { name: /History/ }).click();
    } },
  // Last: the lock screen (its header keeps Sign out, which ends each pass).
  { name: 'lock', open: async (page) => {
      await page.getByTestId('lock-now').click();
      await expect(page.getByTestId('lock-chair').first()).toHaveAttribute('data-priority', 'high');
    } },
];

test('axe-core finds no serious or critical violation on any main screen, light then dark', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true });
  await seedSession(host, { chair: 'Chair 2', patient: { mrn: 'MRN-1002', familyName: 'Okonkwo', givenName: 'Chidi', dateOfBirth: '1979-11-30', weightKg: '92' } });
  await seedReadings(host, sessionId, [{ heartRateBpm: 128, systolicMmHg: 188, diastolicMmHg: 104, spo2Pct: 90, respiratoryRatePerMin: 16, moaasScore: 4, dissociationLevel: 2 }], 5 * 60_000);
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(host.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme} sign-in`, theme)));
    await signIn(page, PHYSICIAN);
    for (const screen of SCREENS) {
      await screen.open(page);
      found.push(...(await seriousViolations(page, `${theme} ${screen.name}`, theme)));
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
  expect(found).toEqual([]);
  expect(pageProblems).toEqual([]);
});

test('the keyboard reaches every control shown on the chair screen and is never trapped', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true });
  await seedReadings(host, sessionId, [{ heartRateBpm: 128, systolicMmHg: 188, diastolicMmHg: 104, spo2Pct: 90, respiratoryRatePerMin: 16, moaasScore: 4, dissociationLevel: 2 }], 5 * 60_000);
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  await page.getByTestId('chair-tab').first().click();
  await expect(page.locator('[data-testid="active-alert"]').first()).toBeVisible();
  // Every control shown (not inside a closed menu or panel), numbered in document order.
  const controls = await page.evaluate(() => {
    const found = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
      (element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.checkVisibility({ visibilityProperty: true }),
    );
    found.forEach((element, index) => element.setAttribute('data-tab-check', String(index)));
    return found.length;
  });
  expect(controls).toBeGreaterThan(20);
  await page.locator('body').focus();
  const reached = new Set<string>();
  for (let i = 0; i < controls * 2 && reached.size < controls; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-check') ?? null);
    if (at !== null) reached.add(at);
  }
  const missed = await page.evaluate((seen) => [...document.querySelectorAll<HTMLElement>('[data-tab-check]')].filter((element) => !seen.includes(element.getAttribute('data-tab-check') ?? '')).map((element) => element.outerHTML.slice(0, 120)), [...reached]);
  expect(missed).toEqual([]);
  expect(pageProblems).toEqual([]);
});
