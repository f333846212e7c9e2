import type { Page } from '@playwright/test';
import { docsScreenshot } from './docs';
import { expect, openScreen, PHYSICIAN, signIn, test } from './fixtures';
import { seedClinic } from './seed';
import { withConnection } from './wire';

const NURSE = { username: 'nina.berg', displayName: 'Nina Berg', pin: '270415' };

async function openClinicSettings(page: Page): Promise<void> {
  await openScreen(page, 'Clinic settings');
  await expect(page.getByRole('heading', { name: 'Clinic settings', level: 1 })).toBeVisible();
  await expect(page.getByTestId('clinic-config')).toBeVisible();
}

function fact(page: Page, key: string) {
  return page.getByTestId(`clinic-config-fact-${key}`);
}

test('a physician changes discharge criteria, the schedule and a priority with a reason; a nurse in another window sees it at once, with the version history', async ({ page, browser, host, pageProblems }) => {
  await seedClinic(host, [{ ...NURSE, roles: ['nurse'] }]);

  // The nurse's window: read-only, no change offered.
  const nurseContext = await browser.newContext();
  const nursePage = await nurseContext.newPage();
  await nursePage.goto(host.url);
  await signIn(nursePage, NURSE);
  await openClinicSettings(nursePage);
  await expect(nursePage.getByText('You can read them; only a physician can change them.')).toBeVisible();
  await expect(nursePage.getByRole('button', { name: /^Change / })).toHaveCount(0);
  await expect(fact(nursePage, 'dischargeCriteria.minimumAldreteScore')).toHaveAttribute('data-value', '9');

  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  await openClinicSettings(page);
  // Every field of the schema is on the screen, grouped as the schema groups them.
  await expect(fact(page, 'clinic.name')).toHaveText(/Vigil Infusion Clinic/);
  await expect(fact(page, 'monitoringSchedule.infusionIntervalMinutes')).toContainText('5 min');
  await expect(fact(page, 'monitoringSchedule.checkpoints.bpAtMinutesAfterStart')).toContainText('40 min');
  await expect(fact(page, 'technicalAlertPriorities.vitalsOverdue')).toContainText('Medium');
  await expect(page.getByTestId('alarm-behaviour-fact-audioPauseSeconds')).toContainText('120 s');

  const card = page.getByTestId('clinic-config');
  await card.getByRole('button', { name: 'Change Clinic configuration' }).click();
  const aldrete = card.getByLabel(/Lowest modified Aldrete score for discharge/);
  // Out of the schema's range: refused on screen by field, nothing sent.
  await aldrete.fill('11');
  await card.getByLabel('Reason for the change (kept in the record)').fill('Stricter after an incident review');
  await card.getByRole('button', { name: 'Save with this reason' }).click();
  await expect(card.getByText('Lowest modified Aldrete score for discharge must be 0–10.')).toBeVisible();

  await aldrete.fill('10');
  await card.getByLabel('Clinic name (printed on every report page)').fill('Harbour Ketamine Clinic');
  await card.getByLabel(/Vitals every, during the infusion/).fill('10');
  await card.getByLabel('Vitals overdue').selectOption('high');
  await expect(page.getByTestId('clinic-config-diff').locator('li')).toHaveCount(4);
  await card.getByRole('button', { name: 'Save with this reason' }).click();
  await expect(page.getByTestId('clinic-settings-notice')).toContainText('Clinic configuration saved');
  await expect(fact(page, 'dischargeCriteria.minimumAldreteScore')).toHaveAttribute('data-value', '10');

  // Pushed to the other window (settings/changed), no reload.
  await expect(fact(nursePage, 'dischargeCriteria.minimumAldreteScore')).toHaveAttribute('data-value', '10');
  await expect(fact(nursePage, 'technicalAlertPriorities.vitalsOverdue')).toContainText('High');
  await expect(nursePage.getByTestId('clinic-config-changed')).toContainText('Stricter after an incident review');
  // Version 1 is the seeded clinic's chairs.
  await nursePage.getByTestId('clinic-config').getByText('Version history (2)').click();
  await expect(nursePage.getByTestId('clinic-config-version')).toHaveCount(2);
  const version = nursePage.getByTestId('clinic-config-version').first();
  await expect(version).toContainText('Version 2');
  await expect(version).toContainText('Dr Ada Okafor');
  await expect(version).toContainText('Lowest modified Aldrete score for discharge 9 → 10');
  await expect(version).toContainText('Clinic name (printed on every report page) Vigil Infusion Clinic → Harbour Ketamine Clinic');

  // Main holds what the screen shows.
  await withConnection(host, async (call) => {
    await call('auth/signIn', { username: NURSE.username, pin: NURSE.pin });
    const seen = await call('clinic/getConfig', {});
    expect(seen.ok && seen.value).toMatchObject({
      config: { clinic: { name: 'Harbour Ketamine Clinic' }, dischargeCriteria: { minimumAldreteScore: 10 }, monitoringSchedule: { infusionIntervalMinutes: 10 }, technicalAlertPriorities: { vitalsOverdue: 'high' } },
      source: { reason: 'Stricter after an incident review', userName: 'Dr Ada Okafor' },
    });
  });

  await page.getByTestId('clinic-config').getByText('Version history (2)').click();
  await docsScreenshot(page, 'clinic-settings');
  await page.emulateMedia({ colorScheme: 'dark' });
  await docsScreenshot(page, 'clinic-settings-dark');

  // The alarm behaviour is read here but changed in one place only: the Alert rules screen.
  const alarm = page.getByTestId('alarm-behaviour');
  await expect(alarm.getByRole('button', { name: /^Change / })).toHaveCount(0);
  await alarm.getByRole('button', { name: 'Open Alert rules' }).click();
  await expect(page.getByTestId('alarm-settings').getByRole('button', { name: 'Change alarm settings' })).toBeVisible();
  await nurseContext.close();
  expect(pageProblems).toEqual([]);
});
