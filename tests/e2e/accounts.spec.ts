import type { Page } from '@playwright/test';
import { expect, openScreen, PHYSICIAN, signIn, test } from './fixtures';
import { seedClinic } from './seed';
import { withConnection } from './wire';
import type { RunningHost } from './host';

const NURSE = { username: 'nina.berg', displayName: 'Nina Berg', pin: '270415' };
const NEW_PIN = '864102';

function nurseRow(page: Page) {
  return page.locator(`[data-testid="user-row"][data-username="${NURSE.username}"]`);
}

/** Runs one of the row's actions (Disable, Re-enable, Reset PIN) with a reason. */
async function act(page: Page, action: 'Disable' | 'Re-enable' | 'Reset PIN', reason: string): Promise<void> {
  await nurseRow(page).getByRole('button', { name: action }).click();
  await nurseRow(page).getByLabel('Reason (kept in the record)').fill(reason);
  await nurseRow(page).getByRole('button', { name: 'Confirm' }).click();
}

/** What main answers a sign-in with this PIN, over its own connection. */
async function signInAnswer(host: RunningHost, pin: string): Promise<unknown> {
  return withConnection(host, (call) => call('auth/signIn', { username: NURSE.username, pin }));
}

async function trySignIn(page: Page, pin: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(NURSE.username);
  await page.getByLabel('PIN').fill(pin);
  await page.keyboard.press('Enter');
}

test('an administrator disables and re-enables a nurse and resets her PIN: she signs in with the one-time code and chooses her own PIN', async ({ page, browser, host, pageProblems }) => {
  await seedClinic(host, [{ ...NURSE, roles: ['nurse'] }]);
  const nurseContext = await browser.newContext();
  const nursePage = await nurseContext.newPage();

  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  await openScreen(page, 'Users');
  await expect(nurseRow(page).locator('[data-col="status"]')).toHaveText('Active');

  await act(page, 'Disable', 'Left the clinic');
  await expect(nurseRow(page).locator('[data-col="status"]')).toHaveText('Disabled');
  await expect(nurseRow(page).getByRole('button', { name: 'Reset PIN' })).toHaveCount(0);
  // Her right PIN no longer signs her in, on her screen or through main.
  await nursePage.goto(host.url);
  await trySignIn(nursePage, NURSE.pin);
  await expect(nursePage.getByText('This account is disabled. Ask an administrator.')).toBeVisible();
  expect(await signInAnswer(host, NURSE.pin)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'account_disabled' } });

  await act(page, 'Re-enable', 'Back from leave');
  await expect(nurseRow(page).locator('[data-col="status"]')).toHaveText('Active');
  expect(await signInAnswer(host, NURSE.pin)).toMatchObject({ ok: true });

  await act(page, 'Reset PIN', 'Forgot her PIN');
  await expect(page.getByTestId('users-notice')).toContainText('Nina Berg (nina.berg) can now sign in once with the one-time code');
  const code = /one-time code (\d{10})/.exec((await page.getByTestId('users-notice').textContent()) ?? '')?.[1] ?? '';
  expect(code).toMatch(/^\d{10}$/);
  await expect(nurseRow(page).locator('[data-col="status"]')).toHaveText('Waiting for first sign-in');
  expect(await signInAnswer(host, NURSE.pin)).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });

  // She signs in with the code and must choose her own PIN before anything else.
  await trySignIn(nursePage, code);
  await expect(nursePage.getByRole('heading', { name: 'Choose your PIN' })).toBeVisible();
  await nursePage.getByLabel('New PIN (6–12 digits)').fill(NEW_PIN);
  await nursePage.getByLabel('Repeat new PIN').fill(NEW_PIN);
  await nursePage.getByRole('button', { name: 'Save PIN and continue' }).click();
  await expect(nursePage.getByRole('heading', { name: 'Patients' })).toBeVisible();
  expect(await signInAnswer(host, code)).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
  expect(await signInAnswer(host, NEW_PIN)).toMatchObject({ ok: true });

  // The administrator's list, opened again (it has no live update), and every change is in the audit log with its reason.
  await openScreen(page, 'Protocols');
  await openScreen(page, 'Users');
  await expect(nurseRow(page).locator('[data-col="status"]')).toHaveText('Active');
  const entries = await withConnection(host, async (call) => {
    await call('auth/signIn', { username: PHYSICIAN.username, pin: PHYSICIAN.pin });
    return call('audit/list', { actor: PHYSICIAN.username });
  });
  const details = entries.ok ? (entries.value as { channel: string; detail: string }[]).filter((e) => e.channel.startsWith('user/')).map((e) => `${e.channel} ${e.detail}`) : [];
  expect(details.join('\n')).toMatch(/user\/resetPin.*Forgot her PIN/);
  expect(details.join('\n')).toMatch(/user\/setActive.*Back from leave/);
  expect(details.join('\n')).toMatch(/user\/setActive.*Left the clinic/);
  await nurseContext.close();
  expect(pageProblems).toEqual([]);
});
