import type { Page } from '@playwright/test';
import type { ReadingValues } from '../../shared/domain/reading';
import { expect, openScreensMenu, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import type { RunningHost } from './host';
import { asUser, seedClinic, standardProtocolId } from './seed';
import { createAccount, withConnection } from './wire';

const MINUTE_MS = 60_000;
const NURSE = { username: 'nina.berg', displayName: 'Nina Berg', pin: '270415' };
const IT_ADMIN = { username: 'it.admin', displayName: 'Ivo Tamm', pin: '913370' };

const header = (page: Page) => page.getByRole('navigation', { name: 'Administration' });
const openMenu = async (page: Page) => void (await openScreensMenu(page));

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Fills the New user form (opening it first) and submits it; a clinical role is co-signed when `cosign` is given. */
async function createUser(page: Page, user: { username: string; displayName: string }, roles: readonly string[], cosign?: { username: string; pin: string }): Promise<void> {
  const form = page.getByTestId('new-user-form');
  if (!(await form.isVisible())) await page.getByRole('button', { name: 'New user' }).click();
  await form.getByLabel('Full name').fill(user.displayName);
  await form.getByLabel('Username', { exact: true }).fill(user.username);
  for (const role of ['Nurse', 'Physician', 'Administrator']) {
    await form.getByRole('checkbox', { name: new RegExp(`^${role}`) }).setChecked(roles.includes(role));
  }
  if (cosign) {
    await form.getByLabel("Physician's username").fill(cosign.username);
    await form.getByLabel("Physician's PIN").fill(cosign.pin);
  }
  await form.getByRole('button', { name: 'Create user' }).click();
}

/** The one-time code the notice shows after an account is created or reset. */
async function issuedCode(page: Page): Promise<string> {
  const text = (await page.getByTestId('users-notice').textContent()) ?? '';
  const code = /one-time code (\d{10})/.exec(text)?.[1];
  if (!code) throw new Error(`no one-time code in: ${text}`);
  return code;
}

/** First sign-in with a one-time code: the user chooses their own PIN (a trivial one is refused). */
async function firstSignIn(page: Page, user: { username: string; pin: string }, code: string): Promise<void> {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('PIN').fill(code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Choose your PIN' })).toBeVisible();
  await page.getByLabel('New PIN (6–12 digits)').fill('123456');
  await page.getByLabel('Repeat new PIN').fill('123456');
  await page.getByRole('button', { name: 'Save PIN and continue' }).click();
  await expect(page.locator('#choose-pin-error')).toHaveText('This PIN is too easy to guess: not a repeated digit, a run or a repeated group.');
  await page.getByLabel('New PIN (6–12 digits)').fill(user.pin);
  await page.getByLabel('Repeat new PIN').fill(user.pin);
  await page.getByRole('button', { name: 'Save PIN and continue' }).click();
}

const protocolRow = (page: Page, name: string) => page.getByTestId('protocol-row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

test('an administrator adds a nurse, who reads the protocols but is offered no user management', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  await openMenu(page);
  await expect(header(page).getByRole('button', { name: 'Protocols' })).toBeVisible();
  await openMenu(page);
  await header(page).getByRole('button', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  const first = page.locator('[data-testid="user-row"][data-username="dr.okafor"]');
  await expect(first.locator('[data-col="roles"]')).toHaveText(/Administrator.*Physician/);

  // Main's rules, each by its field: roles, a taken username, a clinical role without a physician's co-signature.
  await createUser(page, NURSE, []);
  await expect(page.locator('#user-roles-error')).toHaveText('Give the user at least one role.');
  await createUser(page, { ...NURSE, username: PHYSICIAN.username }, ['Nurse'], PHYSICIAN);
  await expect(page.locator('#user-username-error')).toHaveText('This username is taken.');
  await createUser(page, NURSE, ['Nurse'], { username: PHYSICIAN.username, pin: '' });
  await expect(page.locator('#user-cosign-error')).not.toBeEmpty();
  await expect(page.getByTestId('user-row')).toHaveCount(1);

  await createUser(page, NURSE, ['Nurse'], PHYSICIAN);
  await expect(page.getByTestId('users-notice')).toContainText('Nina Berg (nina.berg) can now sign in once with the one-time code');
  const code = await issuedCode(page);
  const nurseRow = page.locator(`[data-testid="user-row"][data-username="${NURSE.username}"]`);
  await expect(nurseRow.locator('[data-col="name"]')).toHaveText('Nina Berg');
  await expect(nurseRow.locator('[data-col="roles"]')).toHaveText('Nurse');
  await expect(nurseRow.locator('[data-col="status"]')).toHaveText('Waiting for first sign-in');

  await signOut(page);
  await firstSignIn(page, NURSE, code);
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
  await signOut(page);
  await signIn(page, NURSE);
  await openMenu(page);
  await expect(header(page).getByRole('button', { name: 'Protocols' })).toBeVisible();
  await expect(header(page).getByRole('button', { name: 'Users' })).toHaveCount(0);
  await openMenu(page);
  await header(page).getByRole('button', { name: 'Protocols' }).click();
  await expect(page.getByText('You can view the protocols. Physicians and administrators edit them.')).toBeVisible();
  await expect(protocolRow(page, 'Depression — standard').locator('[data-col="dose"]')).toHaveText('0.5 mg/kg');
  await expect(protocolRow(page, 'Chronic pain (CRPS) — per hour').locator('[data-col="dose"]')).toHaveText('0.35 mg/kg/h');
  await expect(page.getByRole('button', { name: 'New protocol' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retire' })).toHaveCount(0);

  // The renderer keeps no bridge on `window`, so the page cannot be made to send the call;
  // the same transport, signed in as the nurse on its own connection, shows main refusing it.
  // (Main's role checks for every channel are covered in tests/integration/auth-and-roles.)
  const refused = await withConnection(host, async (call) => {
    expect(await call('auth/signIn', { username: NURSE.username, pin: NURSE.pin })).toMatchObject({ ok: true });
    return call('user/create', { username: 'sneaky', displayName: 'Sneaky', roles: ['admin'] });
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(pageProblems).toEqual([]);
});

test('an administrator without a clinical role lands on Users, with no patients or chair tabs', async ({ page, host, pageProblems }) => {
  // The account is made through the contract (creating one through the Users screen is the test above).
  await seedClinic(host, [{ ...IT_ADMIN, roles: ['admin'] }]);
  await page.goto(host.url);
  await page.getByLabel('Username').fill(IT_ADMIN.username);
  await page.getByLabel('PIN').fill(IT_ADMIN.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.locator(`[data-testid="user-row"][data-username="${IT_ADMIN.username}"] [data-col="roles"]`)).toHaveText('Administrator');
  await expect(page.getByRole('navigation', { name: 'Open sessions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Patients' })).toHaveCount(0);
  // An account made at another workstation appears here without a reload, and shows when she has chosen her PIN.
  await createAccount(host, PHYSICIAN, NURSE, ['nurse']);
  await expect(page.locator(`[data-testid="user-row"][data-username="${NURSE.username}"] [data-col="roles"]`)).toHaveText('Nurse');
  await openMenu(page);
  await header(page).getByRole('button', { name: 'Protocols' }).click();
  await expect(protocolRow(page, 'Depression — standard')).toBeVisible();
  // Ctrl+0 (the patients list for clinical staff) keeps this user on a screen they can use.
  await page.keyboard.press('Control+Digit0');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  expect(pageProblems).toEqual([]);
});

test('a physician edits a protocol as a new version, is refused a dose above the soft maximum, retires one and creates one', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  await openMenu(page);
  await header(page).getByRole('button', { name: 'Protocols' }).click();
  const depression = protocolRow(page, 'Depression — standard');
  await expect(depression.locator('[data-col="version"]')).toHaveText('v1');
  await expect(depression.locator('[data-col="duration"]')).toHaveText('40 min');
  await expect(depression.locator('[data-col="softLimits"]')).toHaveText('0.1–0.75 mg/kg');
  await expect(depression.locator('[data-col="hardLimits"]')).toHaveText('0.05–1 mg/kg');

  await depression.getByRole('button', { name: /^Edit/ }).click();
  const form = page.getByTestId('protocol-form');
  await expect(form.getByTestId('version-note')).toContainText('Saving creates version 2');
  await form.getByLabel('Duration (min)').fill('45');
  await form.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByTestId('protocols-notice')).toHaveText('Saved Depression — standard as version 2.');
  await expect(depression.locator('[data-col="version"]')).toHaveText('v2');
  await expect(depression.locator('[data-col="duration"]')).toHaveText('45 min');

  // Main validates: the dose above the soft maximum is named on its field, and nothing is saved.
  await depression.getByRole('button', { name: /^Edit/ }).click();
  await form.getByLabel('Dose (mg/kg)').fill('0.9');
  await form.getByRole('button', { name: 'Save as version 3' }).click();
  await expect(form.locator('#protocol-dosePerKg-error')).toHaveText('Dose is above the soft maximum.');
  await expect(form.getByLabel('Dose (mg/kg)')).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);
  await expect(depression.locator('[data-col="version"]')).toHaveText('v2');
  await expect(depression.locator('[data-col="dose"]')).toHaveText('0.5 mg/kg');

  const pain = protocolRow(page, 'Chronic pain (CRPS) — per hour');
  await pain.getByRole('button', { name: 'Retire' }).click();
  const confirm = page.getByTestId('retire-confirm');
  await expect(confirm).toContainText('Retire Chronic pain (CRPS) — per hour (v1)? New sessions can no longer choose it');
  await confirm.getByRole('button', { name: 'Retire protocol' }).click();
  await expect(page.getByTestId('protocols-notice')).toHaveText('Chronic pain (CRPS) — per hour is retired.');
  await expect(pain).toHaveCount(0);
  await page.getByLabel('Show retired protocols').check();
  await expect(pain.locator('[data-col="status"]')).toHaveText('Retired');
  await expect(pain.locator('[data-col="version"]')).toHaveText('v2');
  await expect(pain.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(depression.locator('[data-col="status"]')).toHaveText('In use');

  // A new protocol: a blank number is named by main on its field, with its unit.
  await page.getByRole('button', { name: 'New protocol' }).click();
  await expect(form.getByTestId('version-note')).toHaveText('Saved as version 1.');
  await form.getByLabel('Name').fill('Depression — extended');
  await form.getByLabel('Drug').fill('Ketamine');
  await form.getByRole('button', { name: 'Create protocol' }).click();
  await expect(form.locator('#protocol-dosePerKg-error')).toHaveText('Dose: enter a number in mg/kg.');
  const numbers: Record<string, string> = {
    'Dose (mg/kg)': '0.5',
    'Concentration (mg/mL)': '1',
    'Duration (min)': '100',
    'Vitals interval, infusion (min)': '10',
    'Vitals interval, recovery (min)': '15',
    'Minimum recovery (min)': '60',
    'Hard minimum (mg/kg)': '0.05',
    'Soft minimum (mg/kg)': '0.1',
    'Soft maximum (mg/kg)': '0.75',
    'Hard maximum (mg/kg)': '1',
  };
  for (const [label, value] of Object.entries(numbers)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Create protocol' }).click();
  const extended = protocolRow(page, 'Depression — extended');
  await expect(extended.locator('[data-col="version"]')).toHaveText('v1');
  await expect(extended.locator('[data-col="duration"]')).toHaveText('100 min');
  await expect(extended.locator('[data-col="vitals"]')).toHaveText('10 / 15 min');
  expect(pageProblems).toEqual([]);
});

/** A session in `chair` for the patient, with two readings (the second five minutes on), aborted with a reason; through the contract. */
async function abortedSession(host: RunningHost, patientId: number, chair: string, first: ReadingValues, second: ReadingValues): Promise<void> {
  await asUser(host, PHYSICIAN, async (call) => {
    const session = await call('session/create', { patientId, chair, protocolId: await standardProtocolId(call) });
    await call('reading/add', { sessionId: session.id, values: first, confirmed: [] });
    await host.advanceClock(5 * MINUTE_MS);
    await call('reading/add', { sessionId: session.id, values: second, confirmed: [] });
    await call('session/transition', { sessionId: session.id, action: 'abort', reason: 'Patient asked to stop' });
  });
}

const vitals = (heartRateBpm: number, systolicMmHg: number, diastolicMmHg: number, spo2Pct: number, respiratoryRatePerMin: number, moaasScore: number, dissociationLevel: number): ReadingValues => ({
  heartRateBpm,
  systolicMmHg,
  diastolicMmHg,
  spo2Pct,
  respiratoryRatePerMin,
  moaasScore,
  dissociationLevel,
});

test("a patient's history lists the earlier sessions with their peak BP, and a row opens its session", async ({ page, host, pageProblems }) => {
  // Two earlier sessions, an hour apart, each charted and aborted: all through the contract.
  await seedClinic(host);
  const patient = await asUser(host, PHYSICIAN, (call) => call('patient/create', { ...PATIENT_A, weightKg: Number(PATIENT_A.weightKg) }));
  await abortedSession(host, patient.id, 'Chair 1', vitals(72, 128, 82, 98, 14, 5, 0), vitals(84, 150, 92, 97, 15, 4, 2));
  await host.advanceClock(60 * MINUTE_MS);
  await abortedSession(host, patient.id, 'Chair 2', vitals(70, 135, 85, 98, 14, 5, 0), vitals(96, 192, 104, 96, 16, 4, 3));
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);

  await page.getByTestId(`patient-${PATIENT_A.mrn}`).getByRole('button', { name: /^History/ }).click();
  await expect(page.getByRole('heading', { name: 'Lindqvist, Maja' })).toBeVisible();
  await expect(page.getByTestId('history-screen')).toContainText('2 sessions');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  // Newest first.
  await expect(rows.nth(0).locator('[data-col="chair"]')).toHaveText('Chair 2');
  await expect(rows.nth(0).locator('[data-col="peakBp"]')).toHaveText('192/104');
  await expect(rows.nth(0).locator('[data-col="peakDissociation"]')).toHaveText('3');
  await expect(rows.nth(0).locator('[data-col="phase"]')).toHaveText('Aborted');
  await expect(rows.nth(0).locator('[data-col="alerts"] [data-priority="high"]')).toContainText('!!! High: 1');
  await expect(rows.nth(1).locator('[data-col="chair"]')).toHaveText('Chair 1');
  await expect(rows.nth(1).locator('[data-col="peakBp"]')).toHaveText('150/92');
  await expect(rows.nth(1).locator('[data-col="peakDissociation"]')).toHaveText('2');
  await expect(rows.nth(1).locator('[data-col="alerts"] [data-priority="high"]')).toHaveCount(0);

  // An aborted session opens as its whole record (read-only), not as the chair's charting screen.
  await rows.nth(1).click();
  await expect(page.getByTestId('record-screen')).toBeVisible();
  await expect(page.getByTestId('phase')).toHaveText('Aborted');
  await expect(page.getByTestId('record-screen').getByRole('heading', { level: 1 })).toHaveText('Lindqvist, Maja');
  await expect(page.getByTestId('record-screen')).toContainText('Chair 1');
  expect(pageProblems).toEqual([]);
});
