import { readFileSync } from 'node:fs';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract/channels';
import type { Result } from '../../shared/result';
import { seedFinishedSession, type Caller } from '../support/seeded-session';
import { docsScreenshot } from './docs';
import { expect, openScreen, PHYSICIAN, test } from './fixtures';
import { newDataDir, startHost, type RunningHost } from './host';
import { createAccount, withConnection } from './wire';
import { CLINIC_CHAIRS } from './seed';

const NURSE = { username: 'nina.nurse', displayName: 'Nina Nurse', pin: '135790' };
const STAFF = { username: 'sam.staff', displayName: 'Sam Records', pin: '975310' };
const DAY_MS = 24 * 60 * 60_000;

type RawCall = <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<Result<unknown>>;
const throwing =
  (call: RawCall): Caller =>
  (async <C extends ChannelName>(channel: C, request: RequestOf<C>) => {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as ResponseOf<C>;
  }) as Caller;

/** Yesterday morning (09:00, this machine's time zone): the clinic's accounts, one finished session, and one still open; then the clock moves to today. */
async function seedYesterday(host: RunningHost): Promise<{ sessionId: number; openSessionId: number }> {
  return withConnection(host, async (adminCall) => {
    const admin = throwing(adminCall);
    await admin('auth/setup', { ...PHYSICIAN });
    await admin('clinic/setChairs', { chairs: CLINIC_CHAIRS.map((name, index) => ({ id: index + 1, name })), reason: 'The chairs of the test clinic' });
    // Each account gets a one-time code (co-signed by the physician) and its owner chooses the PIN.
    await createAccount(host, PHYSICIAN, NURSE, ['nurse']);
    await createAccount(host, PHYSICIAN, STAFF, ['staff']);
    return withConnection(host, async (nurseCall) => {
      const nurse = throwing(nurseCall);
      await nurse('auth/signIn', { username: NURSE.username, pin: NURSE.pin });
      let now = await host.advanceClock(0);
      const seeded = await seedFinishedSession(
        {
          nurse,
          physician: admin,
          nursePin: NURSE.pin,
          clockTo: async (at) => {
            now = await host.advanceClock(at - now);
          },
          now: () => now,
        },
        { mrn: 'MRN-7001', familyName: 'Lindqvist', givenName: 'Maja' },
      );
      const patient = await nurse('patient/create', { mrn: 'MRN-7002', familyName: 'Okafor', givenName: 'Chidi', dateOfBirth: '1979-02-02', weightKg: 70 });
      const open = await nurse('session/create', { patientId: patient.id, chair: 'Chair 4', plannedInfusionMinutes: 40 });
      await host.advanceClock(DAY_MS);
      return { sessionId: seeded.sessionId, openSessionId: open.id };
    });
  });
}

test('staff sign in, find yesterday’s session, open its record and download every format; staff cannot chart or open an open session', async ({ page, pageProblems }) => {
  const yesterday = new Date(Date.now() - DAY_MS);
  yesterday.setHours(9, 0, 0, 0);
  const host = await startHost(newDataDir(), yesterday.getTime());
  try {
    const { sessionId, openSessionId } = await seedYesterday(host);

    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Username').fill(STAFF.username);
    await page.getByLabel('PIN').fill(STAFF.pin);
    await page.keyboard.press('Enter');
    // Staff's home is the records list; nothing clinical is offered.
    await expect(page.getByRole('heading', { name: 'Finished sessions' })).toBeVisible();
    await expect(page.getByTestId('nav-physician')).toHaveCount(0);
    await expect(page.getByTestId('nav-protocols')).toHaveCount(0);
    // The search field shows its whole hint at 1280 px, in Spanish too ("Nombre o n.º de histori" was cut).
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const language of ['es', 'en'] as const) {
      await page.getByTestId('workstation-menu').click();
      await page.getByTestId('language-choice').selectOption(language);
      await page.getByTestId('workstation-menu').click();
      // The hint written as the field's value (scrollWidth counts a value, not a placeholder), then put back: no input event, no search.
      const hint = await page.getByTestId('records-search').evaluate((input: HTMLInputElement) => {
        const typed = input.value;
        input.value = input.placeholder;
        const fits = { text: input.placeholder, textPx: input.scrollWidth, roomPx: input.clientWidth };
        input.value = typed;
        return fits;
      });
      expect(hint.text).toBe(language === 'es' ? 'Nombre o n.º de historia' : 'Name or MRN');
      expect(hint.textPx, `${language} "${hint.text}"`).toBeLessThanOrEqual(hint.roomPx);
    }
    if (viewport) await page.setViewportSize(viewport);

    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    await page.getByTestId('records-from').fill(day);
    await page.getByTestId('records-to').fill(day);
    await page.getByTestId('records-search').fill('lindq');
    const row = page.getByTestId('record-row');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-session-id', String(sessionId));
    // Days are typed as Vigil writes them (a native date field showed the workstation's 11/23/2026):
    // another format is refused by name, and the list keeps the day it had.
    const from = page.getByTestId('records-from');
    await expect(from).toHaveAttribute('placeholder', 'yyyy-mm-dd');
    await from.fill(`${day.slice(5, 7)}/${day.slice(8)}/${day.slice(0, 4)}`);
    await expect(page.getByRole('alert')).toHaveText(new RegExp(`^Write a day as yyyy-mm-dd, for example \\d{4}-\\d{2}-\\d{2}\\. The list still uses ${day}\\.$`));
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(row).toHaveCount(1);
    await from.fill(day);
    await expect(page.getByRole('alert')).toHaveCount(0);

    const expected = {
      pdf: { name: `vigil-session-${sessionId}-MRN-7001-${day}.pdf`, start: '%PDF-' },
      csv: { name: `vigil-session-${sessionId}-MRN-7001-${day}-readings.csv`, start: 'Session,MRN,Reading,Observed at' },
      fhir: { name: `vigil-session-${sessionId}-MRN-7001-${day}.fhir.json`, start: '{\n  "resourceType": "Bundle"' },
      rems: { name: `vigil-session-${sessionId}-MRN-7001-${day}-monitoring-summary.pdf`, start: '%PDF-' },
    } as const;
    for (const [format, want] of Object.entries(expected)) {
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId(`export-${sessionId}-${format}`).click()]);
      expect(download.suggestedFilename()).toBe(want.name);
      const path = await download.path();
      expect(readFileSync(path, 'utf8').startsWith(want.start), `${format} starts with ${want.start}`).toBe(true);
    }
    await expect(row.getByRole('status')).toContainText('monitoring-summary.pdf');

    await row.getByTestId('record-open').click();
    const record = page.getByTestId('record-screen');
    await expect(record.getByTestId('phase')).toHaveText('Closed');
    // The record's times are clock times: its header names the day the session was opened.
    await expect(record.getByTestId('record-session-date')).toHaveText(new RegExp(`^session opened ${day} \\d{2}:\\d{2}$`));
    await expect(record.getByTestId('signed-by')).toHaveText(`✓ Signed by ${NURSE.displayName}`);
    await expect(record.getByTestId('record-alerts')).toContainText('Repeat cuff in 5 min; no treatment, patient calm');
    await expect(record.getByTestId('record-override')).toContainText('Escort must leave');
    await expect(record.getByTestId('timeline-acknowledged').first()).toBeVisible();
    await docsScreenshot(page, 'session-record');

    // Main refuses staff anything clinical: charting, the session screen, and the record of a session still open.
    await withConnection(host, async (call) => {
      await call('auth/signIn', { username: STAFF.username, pin: STAFF.pin });
      expect(await call('reading/add', { sessionId: openSessionId, values: { heartRateBpm: 70 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call('session/get', { sessionId: openSessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call('record/get', { sessionId: openSessionId })).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'session_open' } });
      expect(await call('export/session', { sessionId: openSessionId, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    await openScreen(page, 'Clinic report');
    await page.getByTestId('clinic-from').fill(day);
    await page.getByTestId('clinic-to').fill(day);
    await expect(page.getByTestId('clinic-table')).toContainText('Systolic BP');
    const [clinicCsv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('clinic-export-csv').click()]);
    expect(clinicCsv.suggestedFilename()).toBe(`vigil-clinic-report-${day}-to-${day}.csv`);
    await docsScreenshot(page, 'clinic-report');
    expect(pageProblems).toEqual([]);
  } finally {
    await host.stop();
  }
});
