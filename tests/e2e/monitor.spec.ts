import { spawn } from 'node:child_process';
import { formatHl7Time } from '../../src-main/core/monitor/hl7-time';
import { frameMllp } from '../../src-main/core/monitor/mllp-framer';
import { pcd01Message } from '../../src-main/core/monitor/pcd01-build';
import { ackCode, openRawPeer } from '../support/mllp-client';
import { docsScreenshot } from './docs';
import { expect, PHYSICIAN, signIn, test } from './fixtures';
import type { RunningHost } from './host';
import { asUser, seedClinic, seedSession } from './seed';

const DEVICE = '00A0F1FFFE3C5D7E';
const CHAIR = 'Chair 3';

/** `npm run monitor:sim` as a clinic would run it; resolves with its JSON lines once it has sent `count` messages. */
function runSimulator(host: RunningHost, count: number): Promise<{ ack?: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/monitor-sim.ts', '--port', String(host.mllpPort), '--device', DEVICE, '--speed', '3000', '--count', String(count), '--start', '1100'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
    child.once('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').map((line) => JSON.parse(line) as { ack?: string })) : reject(new Error(`simulator exited ${code}: ${err}`))));
  });
}

/** The simulator stamps values with the wall clock, as a live monitor does: bring the host's test clock up to it. */
async function syncClock(host: RunningHost): Promise<number> {
  const hostNow = await host.advanceClock(0);
  return host.advanceClock(Math.max(0, Date.now() - hostNow));
}

test('the simulator fills a chair from recorded ICU numerics; the nurse sees unvalidated values, validates them with one key; one spike does not alarm, the confirmation does', async ({ page, host, pageProblems }) => {
  // Preconditions through the contract: the clinic, a patient with an infusion running at the chair, the monitor bound to it.
  await seedClinic(host);
  await seedSession(host, { mrn: 'MRN-7731', familyName: 'Moreau', givenName: 'Elise', dateOfBirth: '1979-08-02', weightKg: '68' }, CHAIR);
  await asUser(host, PHYSICIAN, (call) => call('device/bind', { deviceId: DEVICE, chair: CHAIR }));
  await page.goto(host.url);
  await signIn(page);
  await page.getByTestId('chair-tab').filter({ hasText: CHAIR }).click();
  await expect(page.getByTestId('session-screen')).toBeVisible();

  await syncClock(host);
  const lines = await runSimulator(host, 24);
  expect(lines.filter((line) => line.ack === 'AA')).toHaveLength(24);
  // The table draws only the rows in view (virtualised): the Validate button counts every unvalidated monitor value loaded.
  const monitorRows = page.locator('[data-testid="reading-row"][data-source="monitor"]');
  const validateAll = page.getByTestId('validate-all');
  await expect(validateAll).toHaveText('Validate 24 monitor values (Alt+V)');
  await expect(monitorRows.first()).toHaveAttribute('data-validated', 'false');
  await expect(monitorRows.first()).toContainText('Monitor · unvalidated');
  await expect(page.getByTestId('session-screen').getByTestId('monitor-status')).toContainText('last value');
  // The trend marks the same values, a hollow dot each, with a legend saying what the dots are.
  await expect(page.getByTestId('vitals-chart').getByTestId('unvalidated-marks').first()).toHaveAttribute('data-points', '24');
  await expect(page.getByTestId('trend-unvalidated-legend')).toHaveText('Hollow dots: 24 monitor values not validated yet');
  await docsScreenshot(page, 'monitor-chair');

  await page.keyboard.press('Alt+v');
  await expect(validateAll).toHaveCount(0);
  await expect(page.getByTestId('unvalidated-marks')).toHaveCount(0);
  await expect(page.getByTestId('trend-unvalidated-legend')).toHaveCount(0);
  await expect(page.locator('[data-testid="reading-row"][data-source="monitor"][data-validated="false"]')).toHaveCount(0);
  await expect(monitorRows.first()).toContainText('Monitor ✓ A. Okafor');

  // One SpO2 spike to 84 %: kept and shown, but no alarm until a second monitor value confirms it.
  const now = await syncClock(host);
  const spo2 = (value: number, n: number) =>
    frameMllp(pcd01Message({ controlId: `SPIKE-${n}`, deviceId: DEVICE, observedAt: formatHl7Time(now + n * 1000), observations: [{ code: '150456', mnemonic: 'MDC_PULS_OXIM_SAT_O2', value, unitCode: '262688', unitMnemonic: 'MDC_DIM_PERCENT' }] }));
  const peer = await openRawPeer(host.mllpPort);
  peer.write(spo2(84, 1));
  expect((await peer.acks(1)).map(ackCode)).toEqual([{ code: 'AA', controlId: 'SPIKE-1' }]);
  await expect(validateAll).toHaveText('Validate 1 monitor value (Alt+V)');
  await expect(page.locator('.alert-banner')).toHaveCount(0);
  peer.write(spo2(96, 2));
  peer.write(spo2(85, 3));
  peer.write(spo2(85, 4));
  expect((await peer.acks(3)).map((ack) => ackCode(ack).code)).toEqual(['AA', 'AA', 'AA']);
  peer.close();
  await expect(page.locator('.alert-banner')).toContainText('Oxygen saturation 85 %');
  expect(pageProblems).toEqual([]);
});
