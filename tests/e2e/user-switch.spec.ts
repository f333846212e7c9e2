import type { Page } from '@playwright/test';
import { docsScreenshot } from './docs';
import { expect, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import { CHAIR_NURSE, seedClinic, seedReadings, seedSession } from './seed-chair';

/**
 * The quick switch and the lock, as the nurse and the physician do them at the chair. Every
 * click, field filled and Enter is counted as one action and the run is timed, so the
 * "about 18 actions a switch" of the issue stays a number.
 */
const HIGH_SBP = { heartRateBpm: 96, systolicMmHg: 186, diastolicMmHg: 100, spo2Pct: 97, respiratoryRatePerMin: 16 };

function actionCounter(page: Page) {
  let actions = 0;
  const started = Date.now();
  return {
    async click(target: ReturnType<Page['getByTestId']>) {
      actions += 1;
      await target.click();
    },
    async fill(target: ReturnType<Page['getByTestId']>, value: string) {
      actions += 1;
      await target.fill(value);
    },
    async enter() {
      actions += 1;
      await page.keyboard.press('Enter');
    },
    report: (what: string) => {
      const ms = Date.now() - started;
      process.stdout.write(`${what}: ${actions} actions, ${ms} ms\n`);
      return actions;
    },
  };
}

test("a physician switches in on the nurse's chair with one PIN entry, acknowledges, and hands back: the nurse is at the same chair", async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true });
  await seedReadings(host, sessionId, [HIGH_SBP], 5 * 60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await signIn(page, CHAIR_NURSE);
  await page.getByTestId('chair-tab').first().click();
  const sbp = page.locator('[data-testid="active-alert"][data-rule="sbp-above-180"]');
  await expect(sbp).toHaveAttribute('data-acknowledged', 'false');

  const act = actionCounter(page);
  await act.click(page.getByTestId('switch-user'));
  const form = page.getByTestId('switch-form');
  await act.fill(form.getByLabel('Username'), PHYSICIAN.username);
  await act.fill(form.getByLabel('PIN'), PHYSICIAN.pin);
  await act.enter();
  await expect(page.getByTestId('signed-in-as')).toHaveAttribute('title', PHYSICIAN.displayName);
  const switchIn = act.report('switch in');
  // Same chair, same screen: the session is still in view, nothing to find again.
  await expect(page.getByTestId('session-screen')).toContainText(PATIENT_A.familyName);
  await act.click(sbp.getByRole('button', { name: 'Acknowledge' }));
  await act.enter();
  await expect(sbp).toContainText(`Seen by ${PHYSICIAN.displayName}`);
  await docsScreenshot(page, 'switched-in');
  await act.click(page.getByTestId('hand-back'));
  await act.fill(page.getByTestId('hand-back-form').getByLabel('PIN'), CHAIR_NURSE.pin);
  await act.enter();
  await expect(page.getByTestId('signed-in-as')).toHaveAttribute('title', CHAIR_NURSE.displayName);
  await expect(page.getByTestId('hand-back')).toHaveCount(0);
  await expect(page.getByTestId('session-screen')).toContainText(PATIENT_A.familyName);
  await expect(page.locator('[data-testid="chair-tab"].current')).toHaveCount(1);
  const total = act.report('switch in, acknowledge, hand back');
  expect(switchIn).toBeLessThanOrEqual(4);
  expect(total).toBeLessThanOrEqual(9);
  expect(pageProblems).toEqual([]);
});

test('the lock screen hides the patient, still shows and sounds a new high alert, and a physician acknowledges from it with a PIN', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await signIn(page, CHAIR_NURSE);
  await page.getByTestId('chair-tab').first().click();
  await expect(page.getByTestId('session-screen')).toContainText(PATIENT_A.familyName);

  await page.getByTestId('lock-now').click();
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(page.getByTestId('unlock-form').getByLabel('PIN')).toBeFocused();
  const chair = page.getByTestId('lock-chair');
  await expect(chair).toHaveAttribute('data-priority', 'none');
  // A technical alert is named by its condition, as on the chair's screen, never by its stored key.
  await host.advanceClock(8 * 60_000);
  await expect(chair).toHaveAttribute('data-priority', 'medium');
  await expect(chair).toContainText('Medium: Vitals check overdue');
  await expect(chair).not.toContainText('vitalsOverdue');
  await seedReadings(host, sessionId, [HIGH_SBP], 60_000);
  await expect(chair).toHaveAttribute('data-priority', 'high');
  await expect(chair).toContainText('High: Systolic BP');
  await expect(chair).toContainText('Not yet acknowledged');
  await expect(page.getByTestId('alarm-status')).toHaveAttribute('data-sounding', 'high');
  const shown = await page.locator('body').innerText();
  expect(shown).not.toContain(PATIENT_A.familyName);
  expect(shown).not.toContain(PATIENT_A.givenName);
  expect(shown).not.toContain('186');
  await docsScreenshot(page, 'lock-screen');
  await page.emulateMedia({ colorScheme: 'dark' });
  await docsScreenshot(page, 'lock-screen-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The physician walks up: "someone else", her username and PIN; the nurse's chair opens for her.
  await page.getByTestId('lock-switch').click();
  await page.getByTestId('switch-form').getByLabel('Username').fill(PHYSICIAN.username);
  await page.getByTestId('switch-form').getByLabel('PIN').fill(PHYSICIAN.pin);
  await page.keyboard.press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(page.getByTestId('session-screen')).toContainText(PATIENT_A.familyName);
  const sbp = page.locator('[data-testid="active-alert"][data-rule="sbp-above-180"]');
  await sbp.getByRole('button', { name: 'Acknowledge' }).click();
  await page.keyboard.press('Enter');
  await expect(sbp).toContainText(`Seen by ${PHYSICIAN.displayName}`);
  await page.getByTestId('hand-back').click();
  await page.getByTestId('hand-back-form').getByLabel('PIN').fill(CHAIR_NURSE.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('signed-in-as')).toHaveAttribute('title', CHAIR_NURSE.displayName);
  await expect(page.getByTestId('session-screen')).toContainText(PATIENT_A.familyName);
  expect(pageProblems).toEqual([]);
});
