import { expect, openScreen, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import { docsScreenshot } from './docs';
import { asUser, seedClinic, seedSession } from './seed';

const LATER_PATIENT = { mrn: 'MRN-2002', familyName: 'Achebe', givenName: 'Tobi', dateOfBirth: '1990-01-02', weightKg: 70 };

test('an administrator restores a backup from the Backups screen: told what it does first, signed out, the record as it was', async ({ page, host, pageProblems }) => {
  // Set up through the contract: a session, a backup of it, then the session ended and a patient registered after the backup.
  await seedClinic(host);
  const { sessionId } = await seedSession(host, PATIENT_A, 'Chair 1', { start: false });
  const backup = await asUser(host, PHYSICIAN, async (call) => {
    const written = await call('backup/run', {});
    await host.advanceClock(10 * 60_000);
    await call('session/transition', { sessionId, action: 'abort', reason: 'Patient asked to stop' });
    await call('patient/create', LATER_PATIENT);
    return written;
  });

  await page.goto(host.url);
  await signIn(page);
  await openScreen(page, 'Backups');
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  const row = page.getByTestId('backup-row').filter({ hasText: backup.file });
  await expect(row).toContainText('By hand');
  await expect(row).toContainText('OK');
  await page.getByTestId('backup-row').filter({ hasText: 'Session closed' }).first().waitFor();
  await docsScreenshot(page, 'backups-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await docsScreenshot(page, 'backups-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await row.getByRole('button', { name: /^Restore the backup of/ }).click();
  const confirm = page.getByTestId('restore-confirm');
  await expect(confirm).toContainText('what was charted after it will not be in the record');
  await expect(confirm).toContainText('The current database is kept aside, untouched');
  await docsScreenshot(page, 'backups-restore-confirm');
  await confirm.getByRole('button', { name: 'Restore this backup' }).click();

  // Every window is signed out; after signing in, the record is the backup's and the screen says where the replaced file is.
  await signIn(page);
  await expect(page.getByText(LATER_PATIENT.familyName)).toHaveCount(0);
  await openScreen(page, 'Backups');
  await expect(page.getByTestId('restore-done')).toContainText(`Restored from ${backup.file}`);
  await expect(page.getByTestId('restore-done')).toContainText('vigil.sqlite3.before-restore-');
  await expect(page.getByTestId('backups-shortfall')).toHaveCount(0);
  expect(pageProblems).toEqual([]);
});
