import { expect, openScreen, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import { docsScreenshot } from './docs';
import { asUser, seedClinic, seedSession } from './seed';

const NURSE = { username: 'nina.berg', displayName: 'Nina Berg', pin: '270415' };
const LATER_PATIENT = { mrn: 'MRN-2002', familyName: 'Achebe', givenName: 'Tobi', dateOfBirth: '1990-01-02', weightKg: 70 };

test('an administrator restores a backup from the Backups screen: refused while a chair is open, told what it does first, signed out, the record as it was; another window is told at once', async ({ browser, page, host, pageProblems }) => {
  // Set up through the contract: a nurse, a session, a backup of it; the session stays open for now.
  await seedClinic(host, [{ ...NURSE, roles: ['nurse'] }]);
  const { sessionId } = await seedSession(host, PATIENT_A, 'Chair 1', { start: false });
  const backup = await asUser(host, PHYSICIAN, (call) => call('backup/run', {}));

  await page.goto(host.url);
  await signIn(page);
  await openScreen(page, 'Backups');
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  const row = page.getByTestId('backup-row').filter({ hasText: backup.file });
  await expect(row).toContainText('By hand');
  await expect(row).toContainText('OK');
  // While a chair has an open session main refuses, naming the chair and what to do; nothing changes.
  await row.getByRole('button', { name: /^Restore the backup of/ }).click();
  const confirm = page.getByTestId('restore-confirm');
  await confirm.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByTestId('restore-failure')).toHaveText('Close or end the sessions open in Chair 1 first: a restore would take their readings out of the record.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();

  // The session ends (a backup at its close) and a patient is registered after the backup (contract); a nurse works in a second window.
  await asUser(host, PHYSICIAN, async (call) => {
    await host.advanceClock(10 * 60_000);
    await call('session/transition', { sessionId, action: 'abort', reason: 'Patient asked to stop' });
    await call('patient/create', LATER_PATIENT);
  });
  const nurseContext = await browser.newContext();
  const nurseWindow = await nurseContext.newPage();
  await nurseWindow.goto(host.url);
  await signIn(nurseWindow, NURSE);
  await expect(nurseWindow.getByText(LATER_PATIENT.familyName)).toBeVisible();

  await page.keyboard.press('Control+Digit0');
  await openScreen(page, 'Backups');
  await page.getByTestId('backup-row').filter({ hasText: 'Session closed' }).first().waitFor();
  // A fresh file is checked in full before use; the screen says so.
  await expect(page.getByTestId('file-check')).toContainText('Whole. Checked at start');
  await docsScreenshot(page, 'backups-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await docsScreenshot(page, 'backups-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await row.getByRole('button', { name: /^Restore the backup of/ }).click();
  await expect(confirm).toContainText('what was charted after it will not be in the record');
  await expect(confirm).toContainText('The current database is kept aside, untouched');
  await docsScreenshot(page, 'backups-restore-confirm');
  await confirm.getByRole('button', { name: 'Restore this backup' }).click();

  // The other window is told at once, without a click: by whom, when, back to which time; it is at sign-in.
  const notice = nurseWindow.getByTestId('restore-notice');
  await expect(notice).toContainText('The record was restored from a backup');
  await expect(notice).toContainText(`${PHYSICIAN.displayName} restored it at`);
  await expect(notice).toContainText('anything charted after that at this or any chair is not in it');
  await expect(nurseWindow.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await nurseWindow.setViewportSize({ width: 1280, height: 800 });
  await nurseWindow.screenshot({ path: test.info().outputPath('restore-notice-light.png') });
  await nurseWindow.emulateMedia({ colorScheme: 'dark' });
  await nurseWindow.screenshot({ path: test.info().outputPath('restore-notice-dark.png') });
  // Signing in again clears it; the record is the backup's.
  await signIn(nurseWindow, NURSE);
  await expect(nurseWindow.getByText(LATER_PATIENT.familyName)).toHaveCount(0);
  await nurseContext.close();

  // This window is signed out too; after signing in, the screen says where the replaced file is.
  await signIn(page);
  await expect(page.getByText(LATER_PATIENT.familyName)).toHaveCount(0);
  await openScreen(page, 'Backups');
  await expect(page.getByTestId('restore-done')).toContainText(`Restored from ${backup.file}`);
  await expect(page.getByTestId('restore-done')).toContainText('vigil.sqlite3.before-restore-');
  await expect(page.getByTestId('backups-shortfall')).toHaveCount(0);
  expect(pageProblems).toEqual([]);
});
