import { formatHl7Time } from '../../src-main/core/monitor/hl7-time';
import { frameMllp } from '../../src-main/core/monitor/mllp-framer';
import { pcd01Message } from '../../src-main/core/monitor/pcd01-build';
import { ackCode, openRawPeer } from '../support/mllp-client';
import { expect, openScreen, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import { asUser, seedClinic, seedSession } from './seed';
import { withConnection } from './wire';

const DEVICE = '00A0F1FFFE3C5D7E';
const CHAIR = 'Chair 2';

test('an administrator switches the monitor listener on with a reason (a refused field named under it), binds a monitor to one of the clinic\'s chairs, sees it connect and go offline live, and unbinds it; main holds each', async ({ page, host, pageProblems }, testInfo) => {
  // The clinic has two chairs, Chair 10 and Chair 2, both with a session (through the contract).
  await seedClinic(host, [], { chairs: ['Chair 10', CHAIR] });
  await seedSession(host, PATIENT_A, CHAIR);
  await seedSession(host, { mrn: 'MRN-1010', familyName: 'Ten', givenName: 'Chair', dateOfBirth: '1970-01-01', weightKg: '70' }, 'Chair 10', { start: false });
  const before = await asUser(host, PHYSICIAN, (call) => call('monitor/status', {}));
  expect(before.settings.enabled).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await signIn(page);
  await openScreen(page, 'Monitors');
  await expect(page.getByTestId('monitors-screen')).toBeVisible();
  // The test host starts with `--mllp-port 0`, which makes it listen whatever the settings say; the screen says so.
  await expect(page.getByTestId('listener-state-text')).toHaveText(`Listening on port ${host.mllpPort}`);
  await expect(page.getByTestId('listener-forced')).toBeVisible();

  // Main refuses a port out of range and the form names the field; nothing is written.
  await page.getByTestId('listener-enabled').check();
  await page.getByTestId('listener-port').fill('70000');
  await page.getByTestId('listener-reason').fill('Monitors in bay B go live');
  await page.getByTestId('listener-save').click();
  await expect(page.getByTestId('listener-port-error')).toHaveText('Enter a whole port number within the range shown.');
  expect((await asUser(host, PHYSICIAN, (call) => call('monitor/status', {}))).settings.enabled).toBe(false);

  await page.getByTestId('listener-port').fill('2575');
  await page.getByTestId('listener-save').click();
  await expect(page.getByTestId('listener-state-text')).toHaveText(/^Listening on port \d+$/);
  await expect(page.getByTestId('listener-port-error')).toHaveCount(0);
  await expect(page.getByTestId('listener-state')).toContainText('Monitors in bay B go live');

  // The chair is a choice from the clinic's chairs, in counting order, or none.
  const chairChoice = page.getByTestId('bind-chair');
  await expect(chairChoice.locator('option')).toHaveText(['Not bound (unbind)', CHAIR, 'Chair 10']);
  await page.getByTestId('bind-device').fill(DEVICE);
  await chairChoice.selectOption(CHAIR);
  await page.getByTestId('bind-save').click();
  const row = page.getByTestId('device-row').filter({ hasText: DEVICE });
  await expect(row).toContainText(CHAIR);
  await expect(row).toContainText('Offline');
  // Main holds to the clinic's chairs whatever the screen offers: a chair it does not have is refused, by field, and nothing changes.
  const refused = await withConnection(host, async (call) => {
    await call('auth/signIn', { username: PHYSICIAN.username, pin: PHYSICIAN.pin });
    return call('device/bind', { deviceId: DEVICE, chair: 'Chair 99' });
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'chair', reason: 'unknown_chair' } });

  const [status, devices] = await asUser(host, PHYSICIAN, async (call) => [await call('monitor/status', {}), await call('device/list', {})] as const);
  expect(status.settings).toMatchObject({ enabled: true, port: 2575, bindAddress: '127.0.0.1', allowedAddresses: [] });
  expect(status.changed).toMatchObject({ userName: PHYSICIAN.displayName, reason: 'Monitors in bay B go live' });
  expect(status.listeningPort).not.toBeNull();
  await expect(page.getByTestId('listener-state-text')).toHaveText(`Listening on port ${status.listeningPort}`);
  expect(devices).toEqual([expect.objectContaining({ deviceId: DEVICE, chair: CHAIR, connected: false, lastMessageAt: null, boundByName: PHYSICIAN.displayName })]);

  // Live: a real MLLP client connects and sends one PCD-01 message; the screen shows the monitor connected, then offline once it hangs up, with no reload.
  const peer = await openRawPeer(status.listeningPort ?? host.mllpPort);
  const observedAt = formatHl7Time(await host.advanceClock(0));
  peer.write(frameMllp(pcd01Message({ controlId: 'LIVE-1', deviceId: DEVICE, observedAt, observations: [{ code: '150456', mnemonic: 'MDC_PULS_OXIM_SAT_O2', value: 97, unitCode: '262688', unitMnemonic: 'MDC_DIM_PERCENT' }] })));
  expect((await peer.acks(1)).map(ackCode)).toEqual([{ code: 'AA', controlId: 'LIVE-1' }]);
  await expect(row).toContainText('Connected');
  await expect(row).not.toContainText('no value yet');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.screenshot({ path: testInfo.outputPath(`monitors-${theme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  peer.close();
  await expect(row).toContainText('Offline');

  // Unbinding stays possible: "Not bound", and main keeps the monitor with no chair.
  await page.getByTestId('bind-device').fill(DEVICE);
  await chairChoice.selectOption({ label: 'Not bound (unbind)' });
  await page.getByTestId('bind-save').click();
  await expect(row).toContainText('not bound');
  const unbound = await asUser(host, PHYSICIAN, (call) => call('device/list', {}));
  expect(unbound).toEqual([expect.objectContaining({ deviceId: DEVICE, chair: null })]);
  expect(pageProblems).toEqual([]);
});
