import { seriousViolations } from './axe';
import { expect, openScreen, PATIENT_A, test } from './fixtures';
import { asUser, seedClinic } from './seed';

const IT_ADMIN = { username: 'ivo.it', displayName: 'Ivo IT', pin: '381904' };
const NURSE = { username: 'nina.berg', displayName: 'Nina Berg', pin: '270415' };
const DEVICE = '00A0F1FFFE3C5D99';

test('an administrator adds a chair in Clinic settings (a duplicate refused under its entry, nothing written), binds a monitor to it before any session, and the nurse picks it when opening a session', async ({ page, browser, host, pageProblems }, testInfo) => {
  await seedClinic(host, [{ ...IT_ADMIN, roles: ['admin'] }, { ...NURSE, roles: ['nurse'] }], { chairs: ['Chair 1', 'Chair 2'] });
  await asUser(host, NURSE, (call) => call('patient/create', { ...PATIENT_A, weightKg: Number(PATIENT_A.weightKg) }));

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await page.getByLabel('Username').fill(IT_ADMIN.username);
  await page.getByLabel('PIN').fill(IT_ADMIN.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await openScreen(page, 'Clinic settings');
  const card = page.getByTestId('clinic-config');
  await expect(card.getByTestId('clinic-config-fact-chairs')).toHaveAttribute('data-value', 'Chair 1, Chair 2');
  await card.getByRole('button', { name: 'Change Clinic configuration' }).click();
  // An administrator edits the chairs alone; the clinical values stay the physician's.
  await expect(card.getByLabel(/Lowest modified Aldrete score/)).toHaveCount(0);
  const list = card.getByTestId('clinic-config-chairs-list');
  await expect(list).toContainText('2 of at most 40');

  await list.getByRole('button', { name: 'Add a chair' }).click();
  await expect(list.getByLabel('Chairs (sessions open in them; monitors are bound to them), entry 3')).toBeFocused();
  await page.keyboard.type('chair 2');
  await card.getByLabel('Reason for the change (kept in the record)').fill('Recliner delivered for bay 3');
  await card.getByRole('button', { name: 'Save with this reason' }).click();
  await expect(list.getByTestId('clinic-config-chairs-item').nth(2)).toContainText('“chair 2” is already in the list (entry 2).');
  expect(await asUser(host, NURSE, (call) => call('chair/list', {}))).toEqual(['Chair 1', 'Chair 2']);

  await list.getByLabel('Chairs (sessions open in them; monitors are bound to them), entry 3').fill('Recliner 3');
  await list.getByRole('button', { name: 'Move Recliner 3 up' }).click();
  await expect(card.getByTestId('clinic-config-diff')).toContainText('Chair 1, Chair 2 → Chair 1, Recliner 3, Chair 2');
  const violations: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: testInfo.outputPath(`chairs-editor-${theme}.png`), fullPage: true });
    violations.push(...(await seriousViolations(page, `${theme} chairs editor`, theme)));
  }
  expect(violations).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await card.getByRole('button', { name: 'Save with this reason' }).click();
  await expect(page.getByTestId('clinic-settings-notice')).toContainText('Clinic configuration saved');
  await expect(card.getByTestId('clinic-config-fact-chairs')).toHaveAttribute('data-value', 'Chair 1, Recliner 3, Chair 2');

  // The new chair has never had a session, and a monitor can be bound to it at once.
  await openScreen(page, 'Monitors');
  const chairChoice = page.getByTestId('bind-chair');
  await expect(chairChoice.locator('option')).toHaveText(['Not bound (unbind)', 'Chair 1', 'Chair 2', 'Recliner 3']);
  await page.getByTestId('bind-device').fill(DEVICE);
  await chairChoice.selectOption('Recliner 3');
  await page.getByTestId('bind-save').click();
  await expect(page.getByTestId('device-row').filter({ hasText: DEVICE })).toContainText('Recliner 3');

  // The nurse picks the chair from the clinic's chairs (Chair 1 already has a session: shown, not offered).
  await asUser(host, NURSE, async (call) => {
    const other = await call('patient/create', { mrn: 'MRN-1002', familyName: 'Ortiz', givenName: 'Ana', dateOfBirth: '1979-02-02', weightKg: 70 });
    await call('session/create', { patientId: other.id, chair: 'Chair 1', weightKg: 70 });
  });
  const nurseContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const nursePage = await nurseContext.newPage();
  await nursePage.goto(host.url);
  await nursePage.getByLabel('Username').fill(NURSE.username);
  await nursePage.getByLabel('PIN').fill(NURSE.pin);
  await nursePage.keyboard.press('Enter');
  const row = nursePage.getByTestId(`patient-${PATIENT_A.mrn}`);
  await row.getByRole('button', { name: 'Open session' }).click();
  const picker = row.getByLabel('Chair');
  await expect(picker.locator('option')).toHaveText(['Chair 1 (open session)', 'Chair 2', 'Recliner 3']);
  await expect(picker.locator('option', { hasText: 'Chair 1' })).toBeDisabled();
  await expect(picker).toHaveValue('Chair 2');
  await picker.selectOption('Recliner 3');
  await nursePage.screenshot({ path: testInfo.outputPath('open-session-chair.png'), fullPage: true });
  await row.getByRole('button', { name: /^Use .* kg$/ }).click();
  await row.getByRole('button', { name: 'Open session' }).click();
  await expect(nursePage.getByTestId('session-screen')).toBeVisible();
  const open = await asUser(host, NURSE, (call) => call('session/list', { scope: 'open' }));
  expect(open.map((summary) => summary.session.chair).sort()).toEqual(['Chair 1', 'Recliner 3']);
  await nurseContext.close();

  // The history names the entries a save changed, not the whole list twice; a rename (same id) is one line.
  await asUser(host, IT_ADMIN, (call) =>
    call('clinic/setChairs', { chairs: [{ id: 1, name: 'Chair 1' }, { id: 3, name: 'Recliner 3' }, { id: 2, name: 'Bay 2' }], reason: 'Bay numbers on the chairs' }),
  );
  await openScreen(page, 'Clinic settings');
  await card.getByText('Version history (3)').click();
  const versions = card.getByTestId('clinic-config-version');
  await expect(versions.nth(0)).toContainText('Chairs (sessions open in them; monitors are bound to them) Chair 2 → Bay 2');
  await expect(versions.nth(1)).toContainText('added: Recliner 3');
  await expect(versions.nth(1)).not.toContainText('Chair 1, Chair 2');
  await page.screenshot({ path: testInfo.outputPath('chairs-history.png'), fullPage: true });
  expect(pageProblems).toEqual([]);
});
