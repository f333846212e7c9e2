import { expect, openScreen, PHYSICIAN, signIn, test } from './fixtures';
import { asUser, seedClinic } from './seed';

const DEVICE = '00A0F1FFFE3C5D7E';
const CHAIR = 'Chair 2';

test('an administrator switches the monitor listener on with a reason (a refused field named under it) and binds a monitor to a chair; main holds both', async ({ page, host, pageProblems }, testInfo) => {
  await seedClinic(host);
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

  await page.getByTestId('bind-device').fill(DEVICE);
  await page.getByTestId('bind-chair').fill(CHAIR);
  await page.getByTestId('bind-save').click();
  const row = page.getByTestId('device-row').filter({ hasText: DEVICE });
  await expect(row).toContainText(CHAIR);
  await expect(row).toContainText('Offline');

  const [status, devices] = await asUser(host, PHYSICIAN, async (call) => [await call('monitor/status', {}), await call('device/list', {})] as const);
  expect(status.settings).toMatchObject({ enabled: true, port: 2575, bindAddress: '127.0.0.1', allowedAddresses: [] });
  expect(status.changed).toMatchObject({ userName: PHYSICIAN.displayName, reason: 'Monitors in bay B go live' });
  expect(status.listeningPort).not.toBeNull();
  await expect(page.getByTestId('listener-state-text')).toHaveText(`Listening on port ${status.listeningPort}`);
  expect(devices).toEqual([expect.objectContaining({ deviceId: DEVICE, chair: CHAIR, connected: false, lastMessageAt: null, boundByName: PHYSICIAN.displayName })]);

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.screenshot({ path: testInfo.outputPath(`monitors-${theme}.png`), fullPage: true });
  }
  expect(pageProblems).toEqual([]);
});
