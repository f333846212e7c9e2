import { test as base, expect, type Page } from '@playwright/test';
import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import { startHost, type RunningHost } from './host';

interface Fixtures {
  host: RunningHost;
  /** Page errors, console errors and CSP violations seen during the test; must stay empty. */
  pageProblems: string[];
}

export const test = base.extend<Fixtures>({
  // Playwright requires the fixture argument to be destructured, even when it uses none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use, testInfo) => {
    const host = await startHost();
    await use(host);
    await host.stop().catch(() => undefined);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web-host.log', { body: host.log.join('\n'), contentType: 'text/plain' });
    }
  },
  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('WebSocket')) problems.push(`console: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(problems);
    expect(problems, 'no page errors or CSP violations').toEqual([]);
  },
});

export { expect };

export const PHYSICIAN = { username: 'dr.okafor', displayName: 'Dr Ada Okafor', pin: '482913' };

/** First run: create the clinic's first account through the setup screen. */
export async function setUpFirstAccount(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set up Vigil' })).toBeVisible();
  await page.getByLabel('Full name').fill(PHYSICIAN.displayName);
  await page.getByLabel('Username').fill(PHYSICIAN.username);
  await page.getByLabel('PIN (6–12 digits)').fill(PHYSICIAN.pin);
  await page.getByLabel('Repeat PIN').fill(PHYSICIAN.pin);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
}

/**
 * Opens the header's screens menu (Records, Protocols, Alert rules, Users, Audit): folded
 * into "More" for clinical staff so the chairs keep the header, shown open for an
 * administrator without a clinical role. Returns the menu's navigation.
 */
export async function openScreensMenu(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Administration' });
  const menu = page.getByTestId('nav-menu');
  if ((await menu.count()) > 0 && !(await nav.isVisible())) await menu.click();
  return nav;
}

/** Opens a screen from the header's screens menu. */
export async function openScreen(page: Page, name: string): Promise<void> {
  await (await openScreensMenu(page)).getByRole('button', { name, exact: true }).click();
}

export async function signIn(page: Page, user = PHYSICIAN): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('PIN').fill(user.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Patients' })).toBeVisible();
}

export interface PatientInput {
  mrn: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  weightKg: string;
}

export const PATIENT_A: PatientInput = { mrn: 'MRN-1001', familyName: 'Lindqvist', givenName: 'Maja', dateOfBirth: '1984-03-12', weightKg: '80' };

export async function registerPatient(page: Page, patient: PatientInput): Promise<void> {
  await page.getByRole('button', { name: 'New patient' }).click();
  await page.getByLabel('MRN', { exact: true }).fill(patient.mrn);
  await page.getByLabel('Family name').fill(patient.familyName);
  await page.getByLabel('Given name').fill(patient.givenName);
  await page.getByLabel('Date of birth').fill(patient.dateOfBirth);
  await page.getByLabel('Weight (kg)').fill(patient.weightKg);
  await page.getByRole('button', { name: 'Register patient' }).click();
}

export const DEPRESSION_STANDARD = 'Depression — standard (v1) · 0.5 mg/kg over 40 min';

/** Opens a session for a registered patient from the patient list, on a protocol (default: the standard depression protocol). */
export async function openSession(page: Page, mrn: string, chair: string, protocolOption = DEPRESSION_STANDARD): Promise<void> {
  const row = page.getByTestId(`patient-${mrn}`);
  // The chair is picked from the clinic's chairs (its registry), never typed.
  const chairChoice = row.getByLabel('Chair');
  if (!(await chairChoice.isVisible())) await row.getByRole('button', { name: 'Open session' }).click();
  await chairChoice.selectOption(chair);
  await row.getByLabel('Protocol').selectOption({ label: protocolOption });
  // Today's weight is confirmed at each session; the registered one is offered.
  await row.getByRole('button', { name: /^Use .* kg$/ }).click();
  await row.getByRole('button', { name: 'Open session' }).click();
  await expect(page.getByTestId('session-screen')).toBeVisible();
}

/** Records a screening with no contraindication, consent given and an escort arranged. */
export async function recordNegativeScreening(page: Page): Promise<void> {
  for (const id of CONTRAINDICATIONS) await page.getByTestId(`contraindication-${id}`).getByLabel('No').check();
  await page.getByLabel('Consent given').check();
  await page.getByLabel(/Escort arranged/).check();
  await page.getByRole('button', { name: 'Save screening (Enter)' }).click();
  await expect(page.getByTestId('screening-saved-by')).toContainText('Saved by');
}

/** Types one reading with the keyboard only: Tab between fields, Enter commits. */
export async function typeReading(page: Page, values: string[]): Promise<void> {
  await typeReadingValues(page, values);
  await page.keyboard.press('Enter');
}

/** Types one reading's values by keyboard, HR first, without submitting it. */
export async function typeReadingValues(page: Page, values: string[]): Promise<void> {
  await page.getByLabel('Heart rate').focus();
  for (const [index, value] of values.entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    if (value) await page.keyboard.type(value);
  }
}

/** Types one reading by keyboard and waits until main has committed it (a new row in the table). */
export async function chartReading(page: Page, values: string[]): Promise<void> {
  const rows = page.getByTestId('reading-row');
  const before = await rows.count();
  await typeReading(page, values);
  await expect(rows).toHaveCount(before + 1);
}
