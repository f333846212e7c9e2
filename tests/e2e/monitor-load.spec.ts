import { formatHl7Time } from '../../src-main/core/monitor/hl7-time';
import { frameMllp } from '../../src-main/core/monitor/mllp-framer';
import { pcd01Message } from '../../src-main/core/monitor/pcd01-build';
import { ackCode, openRawPeer } from '../support/mllp-client';
import { expect, PHYSICIAN, signIn, test, typeReadingValues } from './fixtures';
import { committedAfterMs, profilePage, watchCommit } from './commit-timing';
import type { RunningHost } from './host';
import { asUser, seedClinic, seedSession } from './seed';

/**
 * 20 monitors sending at once while a nurse charts. `npm test` compresses time (a message
 * every 250 ms, 8 each); `MONITOR_LOAD_FULL=1` (npm run bench) runs the full minute
 * at one message a second.
 */
const FULL = process.env.MONITOR_LOAD_FULL === '1';
const MONITORS = 20;
const MESSAGES_EACH = FULL ? 60 : 8;
const INTERVAL_MS = FULL ? 1000 : 250;

async function syncClock(host: RunningHost): Promise<number> {
  const hostNow = await host.advanceClock(0);
  return host.advanceClock(Math.max(0, Date.now() - hostNow));
}

test('20 monitors at once while a nurse charts: every message acknowledged AA and stored once, the nurse\'s readings commit promptly', async ({ page, host, pageProblems }) => {
  test.setTimeout(FULL ? 180_000 : 90_000);
  // Preconditions through the contract: 20 chairs with an infusion running, each with its monitor bound.
  await seedClinic(host, [], { chairs: Array.from({ length: MONITORS }, (_, index) => `Bay ${index + 1}`) });
  const sessionIds: number[] = [];
  for (let i = 1; i <= MONITORS; i++) {
    const { sessionId } = await seedSession(host, { mrn: `LOAD-${i}`, familyName: `Load${i}`, givenName: 'Pat', dateOfBirth: '1980-01-01', weightKg: '70' }, `Bay ${i}`);
    sessionIds.push(sessionId);
  }
  await asUser(host, PHYSICIAN, async (call) => {
    for (let i = 1; i <= MONITORS; i++) await call('device/bind', { deviceId: `LOADMON${String(i).padStart(4, '0')}`, chair: `Bay ${i}` });
  });
  await page.goto(host.url);
  await signIn(page);
  await page.getByTestId('chair-tab').filter({ hasText: 'Bay 1' }).first().click();
  await expect(page.getByTestId('session-screen')).toBeVisible();
  await syncClock(host);
  // Monitors stamp their values with the wall clock; the host's test clock is kept in step with it
  // (a real host runs on the wall clock), or over the full minute it falls behind until main refuses
  // the newest values as observed in the future.
  const keepInStep = setInterval(() => void syncClock(host).catch(() => undefined), 2_000);

  const start = Date.now();
  const monitors = Array.from({ length: MONITORS }, async (_, m) => {
    const deviceId = `LOADMON${String(m + 1).padStart(4, '0')}`;
    const peer = await openRawPeer(host.mllpPort);
    const codes: string[] = [];
    for (let n = 0; n < MESSAGES_EACH; n++) {
      const due = start + n * INTERVAL_MS + m * (INTERVAL_MS / MONITORS);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      const observations = [
        { code: '147842', mnemonic: 'MDC_ECG_HEART_RATE', value: 60 + ((m + n) % 20), unitCode: '264864', unitMnemonic: 'MDC_DIM_BEAT_PER_MIN' },
        { code: '150456', mnemonic: 'MDC_PULS_OXIM_SAT_O2', value: 95 + (n % 4), unitCode: '262688', unitMnemonic: 'MDC_DIM_PERCENT' },
      ];
      peer.write(frameMllp(pcd01Message({ controlId: `${deviceId}-${n}`, deviceId, observedAt: formatHl7Time(Date.now()), observations })));
      codes.push(...(await peer.acks(1, 20_000)).map((ack) => ackCode(ack).code));
    }
    peer.close();
    return codes;
  });

  // Meanwhile the nurse charts at Bay 1, by keyboard; each commit timed from Enter to its row drawn.
  const stopProfile = await profilePage(page);
  const latencies: number[] = [];
  const polled: number[] = [];
  let acks: string[] = [];
  let elapsed = 0;
  try {
    // Each typed reading has its own systolic (monitors here send none); the newest rows are drawn at the top of the virtualised table.
    for (let i = 0; i < 3; i++) {
      const systolic = 151 + i;
      // Timed from Enter: the typing itself (one browser round trip per key) is not the commit's latency.
      await typeReadingValues(page, [String(70 + i), String(systolic), '80', '', '97', '14']);
      await watchCommit(page, `${systolic}/80`);
      const entered = Date.now();
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-testid="reading-row"][data-source="manual"]', { hasText: `${systolic}/80` })).toHaveCount(1, { timeout: 20_000 });
      polled.push(Date.now() - entered);
      latencies.push(await committedAfterMs(page));
    }
    acks = (await Promise.all(monitors)).flat();
    await stopProfile();
    elapsed = Date.now() - start;
  } finally {
    clearInterval(keepInStep);
  }

  expect(acks).toEqual(Array.from({ length: MONITORS * MESSAGES_EACH }, () => 'AA'));
  const stored = await asUser(host, PHYSICIAN, async (call) => {
    let count = 0;
    for (const sessionId of sessionIds) count += (await call('session/get', { sessionId })).readings.filter((r) => r.source === 'monitor').length;
    return count;
  });
  // No message lost, none charted twice: one reading per acknowledged message.
  expect(stored).toBe(acks.length);
  const report = `monitor load: ${MONITORS} monitors x ${MESSAGES_EACH} messages every ${INTERVAL_MS} ms (${FULL ? 'full minute' : 'time-compressed'}): ${acks.length} AA, ${stored} readings stored, in ${elapsed} ms; nurse charting latency Enter->row drawn ${latencies.join(', ')} ms (as Playwright's polling saw it: ${polled.join(', ')} ms)`;
  test.info().annotations.push({ type: 'monitor-load', description: report });
  process.stdout.write(`${report}\n`);
  expect(pageProblems).toEqual([]);
});
