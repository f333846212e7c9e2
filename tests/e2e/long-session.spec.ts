import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import { SESSION_GET_ALERTS_MAX } from '../../shared/domain/reading-views';
import { ManualClock } from '../../src-main/core/clock';
import { openVigilCore } from '../../src-main/core/vigil-core';
import { expect, PHYSICIAN, signIn, test, typeReading } from './fixtures';
import { newDataDir, startHost } from './host';

/**
 * A long session (5,000 readings, seeded into the file through the real store code before
 * the host starts, not typed) opens in pieces: the newest rows and a downsampled trend;
 * the table draws only what is in view and pages older rows from main as it scrolls; a new
 * reading shows and raises its alert.
 */

const SEEDED_READINGS = 5_000;
const ALERT_PAIRS = SESSION_GET_ALERTS_MAX + 15;
const START_AT = Date.UTC(2026, 0, 5, 8, 0, 0);
const quiet = { info: () => undefined, error: () => undefined };

async function seedLongSession(dataDir: string): Promise<{ mrn: string; endAt: number }> {
  const clock = new ManualClock(START_AT);
  const core = openVigilCore({ dataDir, clock, logger: quiet });
  try {
    const connection = core.connect();
    const ok = async <T>(channel: string, request: unknown): Promise<T> => {
      const result = await connection.call(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as T;
    };
    const user = await ok<{ id: number }>('auth/setup', { ...PHYSICIAN });
    await ok('clinic/setChairs', { chairs: [{ id: 1, name: 'Chair 9' }], reason: 'The chair of the test clinic' });
    const mrn = 'MRN-5000';
    const patient = await ok<{ id: number }>('patient/create', { mrn, familyName: 'Long', givenName: 'Session', dateOfBirth: '1970-01-01', weightKg: 80 });
    const [protocol] = await ok<{ id: number }[]>('protocol/list', {});
    const session = await ok<{ id: number; createdAt: number }>('session/create', { patientId: patient.id, chair: 'Chair 9', protocolId: protocol?.id });
    await ok('screening/record', { sessionId: session.id, contraindications: Object.fromEntries(CONTRAINDICATIONS.map((k) => [k, false])), coMedications: [], consentGiven: true, escortArranged: true });
    await ok('reading/add', { sessionId: session.id, values: { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 78, spo2Pct: 98 } });
    await ok('session/transition', { sessionId: session.id, action: 'startInfusion' });
    const { db, readings } = core.services;
    db.transaction(() => {
      for (let i = 0; i < SEEDED_READINGS; i++) {
        clock.advance(1_000);
        readings.store({
          sessionId: session.id,
          sessionCreatedAt: session.createdAt,
          observedAt: undefined,
          values: { heartRateBpm: 70 + (i % 11), systolicMmHg: 120 + (i % 13), diastolicMmHg: 76 + (i % 5), spo2Pct: 96 + (i % 3) },
          onSupplementalOxygen: undefined,
          confirmed: [],
          userId: user.id,
        });
      }
    })();
    // Then an alarmy stretch through the contract: more ended alerts than session/get carries (a high
    // systolic reading raises one, the normal one after it ends it). Set-up only: no fsync per reading.
    db.pragma('synchronous = OFF');
    for (let i = 0; i < ALERT_PAIRS; i++) {
      clock.advance(5_000);
      await ok('reading/add', { sessionId: session.id, values: { heartRateBpm: 74, systolicMmHg: 186, diastolicMmHg: 92, spo2Pct: 98 } });
      clock.advance(5_000);
      await ok('reading/add', { sessionId: session.id, values: { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 78, spo2Pct: 98 } });
    }
    return { mrn, endAt: clock.now() };
  } finally {
    core.close();
  }
}

test('a 5,000-reading session opens, scrolls its table, pages in the alerts it did not load, shows a new reading and raises an alert', async ({ page, pageProblems }) => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  const { endAt } = await seedLongSession(dataDir);
  const host = await startHost(dataDir, endAt + 1_000);
  try {
    await page.goto(host.url);
    await signIn(page, PHYSICIAN);
    await page.getByTestId('chair-tab').filter({ hasText: 'Chair 9' }).click();
    await expect(page.getByTestId('session-screen')).toBeVisible();

    // The chart is drawn from main's trend plus the newest rows, never all 5,000 points.
    const chart = page.getByTestId('vitals-chart');
    await expect(chart).toBeVisible();
    const points = Number(await chart.getAttribute('data-points'));
    expect(points).toBeGreaterThan(100);
    expect(points).toBeLessThanOrEqual(600);
    // A dense trend's lines are drawn outside recharts; hovering shows the values at the nearest point in all three panels.
    await expect(chart.getByTestId('vitals-history')).toHaveCount(3);
    const breathing = await chart.locator('[data-panel="breathing"]').boundingBox();
    await page.mouse.move((breathing?.x ?? 0) + (breathing?.width ?? 0) / 2, (breathing?.y ?? 0) + (breathing?.height ?? 0) / 2);
    await expect(chart.getByTestId('trend-hover')).toHaveCount(3);
    await expect(chart.locator('[data-panel="circulation"] .trend-readout')).toContainText(/HR \/min: \d+/);
    await page.mouse.move(0, 0);
    await expect(chart.getByTestId('trend-hover')).toHaveCount(0);

    // The alarmy stretch is one line in the recent strip, saying how often, not a list that pushes the form off the screen.
    const endedStrip = page.locator('[data-testid="ended-alert"][data-rule="sbp-above-180"]');
    await expect(endedStrip).toHaveCount(1);
    expect(Number(await endedStrip.getAttribute('data-times'))).toBeGreaterThan(10);
    await expect(endedStrip).toContainText(/\d+ times since \d\d:\d\d/);

    // More ended alerts than the screen loads: the timeline says how many, raised before when, where its alerts begin;
    // the table's marks say what they come from; one click pages the earlier ones in from main.
    const timeline = page.getByTestId('timeline');
    const earlier = page.getByTestId('earlier-alerts-timeline');
    const missing = Number(await earlier.getAttribute('data-missing'));
    expect(missing).toBeGreaterThanOrEqual(ALERT_PAIRS - SESSION_GET_ALERTS_MAX);
    await expect(earlier).toContainText(`${missing} earlier alerts (raised before`);
    await expect(page.getByTestId('earlier-alerts-marks')).toContainText(`${missing} earlier alerts are not loaded`);
    const shownBefore = await timeline.getByTestId('timeline-alert').count();
    const entryKinds = await timeline.locator('li').evaluateAll((items) => items.map((item) => (item.classList.contains('timeline-earlier') ? 'note' : item.getAttribute('data-testid'))));
    expect(entryKinds.indexOf('note')).toBe(entryKinds.lastIndexOf('timeline-alert') + 1);
    await earlier.getByRole('button', { name: 'Show earlier alerts' }).click();
    await expect(timeline.getByTestId('timeline-alert')).toHaveCount(shownBefore + missing);
    await expect(earlier).toHaveCount(0);
    await expect(page.getByTestId('earlier-alerts-marks')).toHaveCount(0);

    // Only rows in view are in the DOM; the table holds the newest page, then pages older rows as it scrolls.
    const scroll = page.getByTestId('readings-scroll');
    const loaded = async () => Number(await scroll.getAttribute('data-rows'));
    const firstLoad = await loaded();
    expect(firstLoad).toBeLessThan(SEEDED_READINGS);
    expect(await page.getByTestId('reading-row').count()).toBeLessThan(60);
    for (let i = 0; i < 4; i++) await scroll.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect.poll(loaded).toBeGreaterThan(firstLoad);
    expect(await page.getByTestId('reading-row').count()).toBeLessThan(60);

    // A new reading: it shows at the top of the table and raises its alert.
    await scroll.evaluate((element) => element.scrollTo(0, 0));
    await host.advanceClock(1_000);
    await typeReading(page, ['72', '195', '96']);
    await expect(page.getByTestId('reading-row').first().locator('[data-col="bloodPressure"]')).toHaveText('195/96');
    await expect(page.getByTestId('active-alert').first()).toBeVisible();
    expect(pageProblems).toEqual([]);
  } finally {
    await host.stop();
  }
});
