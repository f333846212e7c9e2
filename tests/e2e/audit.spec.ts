import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, openScreen, PHYSICIAN, signIn, test } from './fixtures';

const NURSE = { username: 'nina.berg', displayName: 'Nina Berg', pin: '270415' };
import { startHost } from './host';
import { seedClinic } from './seed';

test('an administrator reads, filters and verifies the audit log; after the file is edited, a warning that cannot be dismissed greets them and the nurse', async ({ page, host, pageProblems }) => {
  await seedClinic(host, [{ ...NURSE, roles: ['nurse'] }]);
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  await openScreen(page, 'Audit');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'auth/setup' })).toHaveCount(1);
  // Times read as everywhere else in Vigil (24-hour, year first, whatever the browser's locale), to the second.
  await expect(page.getByTestId('audit-row').filter({ hasText: 'auth/setup' }).locator('td').nth(1)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await page.getByRole('button', { name: 'Verify the record' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('The record is intact');
  await page.getByLabel('Call').fill('auth/setup');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('record-warning')).toHaveCount(0);

  // Someone with the file changes a protocol's dose with plain SQLite, triggers and all.
  await host.stop();
  const db = new BetterSqlite3(join(host.dataDir, 'vigil.sqlite3'));
  db.exec('DROP TRIGGER protocols_no_update');
  db.exec(`UPDATE protocols SET dose_per_kg = dose_per_kg + 0.05 WHERE id = 1`);
  db.close();
  const restarted = await startHost(host.dataDir);
  try {
    await page.goto(restarted.url);
    await signIn(page, PHYSICIAN);
    const warning = page.getByTestId('record-warning');
    await expect(warning).toContainText('Warning: the record does not match its audit trail');
    await expect(warning).toContainText('Row 1 of protocols was changed');
    await expect(warning.getByRole('button')).toHaveCount(0);
    await openScreen(page, 'Audit');
    await page.getByRole('button', { name: 'Verify the record' }).click();
    await expect(page.getByTestId('verify-result')).toContainText('The record does NOT match its audit trail');
    await page.screenshot({ path: test.info().outputPath('audit-warning.png') });
    // The nurse charting at the chair relies on the protocol's dose too: she is told the same.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, NURSE);
    await expect(page.getByTestId('record-warning')).toContainText('Row 1 of protocols was changed');
    await page.screenshot({ path: test.info().outputPath('audit-warning-nurse.png') });
  } finally {
    await restarted.stop();
  }
  expect(pageProblems).toEqual([]);
});
