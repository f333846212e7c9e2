import type { Page } from '@playwright/test';
import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import type { SessionSummary } from '../../shared/domain/views';
import { docsScreenshot } from './docs';
import { expect, PATIENT_A, PHYSICIAN, signIn, test, typeReading } from './fixtures';
import { asUser, seedClinic, seedSession } from './seed';
import { withConnection } from './wire';

const MINUTE_MS = 60_000;
const DEPRESSION = 'Depression — standard (v1) · 0.5 mg/kg over 40 min';
const NURSE = { username: 'nina.berg', displayName: 'Nina Berg', pin: '270415' };

/** The unmet criteria a blocker list names, in order; [] once it reads "ready". */
function blockerIds(page: Page, testId: string): Promise<string[]> {
  return page.locator(`[data-testid="${testId}"] [data-blocker]`).evaluateAll((items) => items.map((item) => item.getAttribute('data-blocker') ?? ''));
}

async function openSessionOn(page: Page, mrn: string, chair: string, protocolOption: string): Promise<void> {
  const row = page.getByTestId(`patient-${mrn}`);
  // The chair is picked from the clinic's chairs (its registry), never typed.
  const chairChoice = row.getByLabel('Chair');
  if (!(await chairChoice.isVisible())) await row.getByRole('button', { name: 'Open session' }).click();
  await chairChoice.selectOption(chair);
  await row.getByLabel('Protocol').selectOption({ label: protocolOption });
  // Today's weight is confirmed at each session; the registered one is offered.
  await row.getByRole('button', { name: /^Use .* kg$/ }).click();
  // With a protocol, its duration is the plan: no planned-minutes field.
  await expect(row.getByLabel('Planned infusion (min)')).toHaveCount(0);
  await row.getByRole('button', { name: 'Open session' }).click();
  await expect(page.getByTestId('session-screen')).toBeVisible();
}

/** Answers the checklist by keyboard only: Space on Yes, Down arrow to No, Tab to the next item. */
async function answerContraindicationsByKeyboard(page: Page, yes: readonly string[]): Promise<void> {
  await page.getByTestId(`contraindication-${CONTRAINDICATIONS[0]}`).getByLabel('Yes').focus();
  for (const [index, id] of CONTRAINDICATIONS.entries()) {
    if (index > 0) await page.keyboard.press('Tab');
    await page.keyboard.press(yes.includes(id) ? 'Space' : 'ArrowDown');
  }
}

async function scoreAldrete(page: Page, scores: Record<string, number>): Promise<void> {
  for (const [item, score] of Object.entries(scores)) {
    await page.getByTestId(`aldrete-${item}`).locator(`input[value="${score}"]`).check();
  }
}

test('a physician screens, orders within and beyond the limits, overrides, discharges by the criteria and signs the session closed', async ({ page, host, pageProblems }) => {
  // The clinic and the registered patient through the contract; opening the session is the test's own.
  await seedClinic(host);
  await asUser(host, PHYSICIAN, (call) => call('patient/create', { ...PATIENT_A, weightKg: Number(PATIENT_A.weightKg) }));
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  await openSessionOn(page, PATIENT_A.mrn, 'Chair 1', DEPRESSION);
  await expect(page.getByTestId('phase')).toHaveText('Screening');

  // The protocol's standard order, as main computed it for 80 kg (CLINICAL.md section 2).
  await expect(page.getByTestId('dose-protocol')).toHaveText('Depression — standard · v1 · Ketamine');
  await expect(page.getByTestId('dose-total')).toHaveText('40 mg');
  await expect(page.getByTestId('dose-volume')).toHaveText('40 mL');
  await expect(page.getByTestId('dose-rate')).toHaveText('60 mL/h');
  await expect(page.getByTestId('dose-per-kg')).toHaveText('0.5 mg/kg');
  await expect(page.getByTestId('dose-card')).toContainText('0.1–0.75 mg/kg');
  await expect(page.getByTestId('dose-card')).toContainText('0.05–1 mg/kg');
  await expect.poll(() => blockerIds(page, 'start-blockers')).toEqual(['screening', 'baselineVitals']);

  await typeReading(page, ['72', '128', '82', '', '98', '14', '5', '0']);
  await expect(page.getByTestId('reading-status')).toContainText('Saved');
  await expect.poll(() => blockerIds(page, 'start-blockers')).toEqual(['screening']);

  // Nothing is preselected: saving an unanswered checklist names what is missing.
  const screening = page.getByTestId('screening-form');
  await page.getByTestId(`contraindication-${CONTRAINDICATIONS[0]}`).getByLabel('Yes').focus();
  await page.keyboard.press('Enter');
  await expect(screening.getByRole('alert')).toContainText('11 not answered');
  await expect(screening.getByRole('alert')).toContainText('Arrhythmia');

  await answerContraindicationsByKeyboard(page, ['arrhythmia']);
  await expect(page.getByTestId('contraindication-arrhythmia')).toHaveAttribute('data-answer', 'yes');
  await expect(page.getByTestId('contraindication-pregnancy')).toHaveAttribute('data-answer', 'no');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add medication' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Medication', { exact: true })).toBeFocused();
  await page.keyboard.type('Lorazepam');
  await page.getByLabel('Class').selectOption('benzodiazepine');
  await page.getByLabel('Consent given').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByLabel(/Escort arranged/)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screening-saved-by')).toContainText(`Saved by ${PHYSICIAN.displayName}`);

  // A positive contraindication blocks the start until a physician overrides it.
  await expect.poll(() => blockerIds(page, 'start-blockers')).toEqual(['contraindication']);
  await expect(page.getByTestId('contraindication-warning')).toContainText('Arrhythmia');
  await docsScreenshot(page, 'screening');
  await page.getByRole('button', { name: 'Start infusion' }).click();
  await expect(page.locator('.phase-actions .field-error')).toContainText("a contraindication needs a physician's override");
  await expect(page.getByTestId('phase')).toHaveText('Screening');

  const override = page.getByTestId('override-form-contraindication');
  await override.getByLabel('Reason').fill('Rate-controlled AF, cardiology cleared 2 weeks ago');
  await override.getByLabel('Reason').press('Enter');
  await expect(page.getByTestId('start-ready')).toHaveText('✓ Ready to start');
  await expect(page.getByTestId('overrides-contraindication')).toContainText(`${PHYSICIAN.displayName} at`);
  await expect(page.getByTestId('overrides-contraindication')).toContainText('cardiology cleared');
  await expect(page.getByTestId('contraindication-warning')).toHaveAttribute('data-blocked', 'false');
  // Main's earlier refusal no longer describes the session, so the header drops it.
  await expect(page.locator('.phase-actions .field-error')).toHaveCount(0);

  // Above the soft limit (0.75 mg/kg): main asks for a reason, then accepts and keeps it with the order.
  const doseForm = page.getByTestId('dose-form');
  await doseForm.getByLabel('New dose (mg/kg)').fill('0.9');
  await doseForm.getByLabel('New dose (mg/kg)').press('Enter');
  await expect(page.getByTestId('dose-form-message')).toContainText('0.9 mg/kg is above the soft limit 0.75 mg/kg');
  await expect(page.getByTestId('dose-total')).toHaveText('40 mg');
  const reason = doseForm.getByLabel('Reason for going outside the soft limits');
  await expect(reason).toBeFocused();
  await reason.fill('Partial response at 0.75 mg/kg over three sessions');
  await reason.press('Enter');
  await expect(page.getByTestId('dose-total')).toHaveText('72 mg');
  await expect(page.getByTestId('dose-volume')).toHaveText('72 mL');
  await expect(page.getByTestId('dose-rate')).toHaveText('108 mL/h');
  await expect(page.getByTestId('dose-per-kg')).toHaveText('0.9 mg/kg');
  await expect(page.getByTestId('dose-override')).toContainText('Partial response at 0.75 mg/kg');

  // Above the hard limit (1 mg/kg): refused with the limit, the order stays as it was.
  await doseForm.getByLabel('New dose (mg/kg)').fill('1.2');
  await doseForm.getByLabel('New dose (mg/kg)').press('Enter');
  await expect(page.getByTestId('dose-form-message')).toContainText('1.2 mg/kg is above the hard limit 1 mg/kg: it cannot be given.');
  await expect(reason).toHaveCount(0);
  await expect(page.getByTestId('dose-total')).toHaveText('72 mg');
  await expect(page.getByTestId('dose-per-kg')).toHaveText('0.9 mg/kg');

  await page.getByRole('button', { name: 'Start infusion' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Infusing');
  // The delivered estimate moves with the clock, not only when something is charted, and says when the ordered volume runs in.
  await host.advanceClock(10 * MINUTE_MS);
  await expect(page.getByTestId('delivered')).toHaveText('18 mL · 18 of 72 mg');
  await expect(page.getByTestId('runs-in')).toHaveText(/^at \d{2}:\d{2} · 54 mL to go$/);
  const promised = (await page.getByTestId('runs-in').textContent())?.slice(3, 8);
  await host.advanceClock(30 * MINUTE_MS);
  await expect(page.getByTestId('infusion-elapsed')).toHaveText('40:00');
  await expect(page.getByTestId('delivered')).toHaveText('72 mL · 72 of 72 mg');
  await expect(page.getByTestId('runs-in')).toHaveText(`has run in, at ${promised}`);

  // A rate above the order's hard limit (1 mg/kg over 40 min for 80 kg: 120 mL/h) is refused;
  // above its soft limit (here the ordered 108 mL/h, itself an override) a physician gives a reason.
  const infusion = page.getByTestId('infusion-panel');
  const newRate = infusion.getByLabel('New rate (mL/h)');
  await newRate.fill('900');
  await newRate.press('Enter');
  await expect(infusion.locator('.field-error')).toHaveText("900 mL/h is above this order's hard limit of 120 mL/h: it cannot be set.");
  await newRate.fill('115');
  await newRate.press('Enter');
  await expect(infusion.locator('.field-error')).toHaveText("115 mL/h is above this order's soft limit of 108 mL/h: give a reason to override.");
  const rateReason = infusion.getByLabel('Reason for going above the soft limit');
  await expect(rateReason).toBeFocused();
  await rateReason.fill('Slow responder, per the treatment plan');
  await rateReason.press('Enter');
  await expect(page.getByTestId('current-rate')).toHaveText('115 mL/h');
  await expect(infusion.locator('.field-error')).toHaveCount(0);
  await expect(page.getByText('Rate changed to 115 mL/h, above the soft limit: Slow responder, per the treatment plan')).toBeVisible();
  await page.getByRole('button', { name: 'Stop infusion' }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Recovery');

  // Before the minimum recovery (60 min) every unmet criterion is named, and main refuses.
  await expect(page.getByTestId('recovery-progress')).toContainText('of 60 min minimum');
  await expect.poll(() => blockerIds(page, 'discharge-blockers')).toEqual(['aldrete', 'noDrivingInstruction', 'minimumRecoveryTime']);
  await page.getByRole('button', { name: 'Discharge', exact: true }).click();
  await page.getByTestId('phase-confirm').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.locator('.phase-actions .field-error')).toContainText('Cannot discharge yet');
  await expect(page.getByTestId('phase')).toHaveText('Recovery');

  await scoreAldrete(page, { activity: 2, respiration: 2, circulation: 2, consciousness: 1, oxygenSaturation: 1 });
  await expect(page.getByTestId('aldrete-total')).toHaveText('Aldrete total 8 / 10');
  // The escort arranged at screening is already ticked: not asked again.
  await expect(page.getByLabel('Responsible adult present')).toBeChecked();
  await page.getByLabel('No-driving instruction given').check();
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByTestId('latest-assessment')).toHaveAttribute('data-total', '8');
  await expect.poll(() => blockerIds(page, 'discharge-blockers')).toEqual(['aldrete', 'minimumRecoveryTime']);

  await scoreAldrete(page, { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 1 });
  await expect(page.getByTestId('aldrete-total')).toHaveText('Aldrete total 9 / 10');
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByTestId('latest-assessment')).toHaveAttribute('data-total', '9');
  // The form keeps the scores just saved: it reads the same as "Latest", never blank under it.
  await expect(page.getByTestId('aldrete-total')).toHaveText('Aldrete total 9 / 10');
  await expect(page.getByTestId('aldrete-oxygenSaturation').locator('input[value="1"]')).toBeChecked();
  await expect(page.getByTestId('latest-assessment')).toContainText(`by ${PHYSICIAN.displayName}`);
  await expect.poll(() => blockerIds(page, 'discharge-blockers')).toEqual(['minimumRecoveryTime']);
  await host.advanceClock(20 * MINUTE_MS);
  await expect(page.getByTestId('recovery-progress')).toContainText('40:00 to go');
  await docsScreenshot(page, 'discharge');

  // Once main's clock passes the minimum, the last blocker clears without any other action.
  await host.advanceClock(41 * MINUTE_MS);
  await expect(page.getByTestId('discharge-ready')).toHaveText('✓ Ready for discharge');
  await expect(page.getByTestId('recovery-progress')).toHaveAttribute('data-reached', 'true');
  await expect(page.locator('.phase-actions .field-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Discharge', exact: true }).click();
  await page.getByTestId('phase-confirm').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Discharged');

  // Closing is a signature: the summary, then the signer's PIN, checked by main.
  await expect(page.getByTestId('summary-infusion')).toHaveText('40:00');
  await expect(page.getByTestId('summary-recovery')).toHaveText('1:01:00');
  await expect(page.getByTestId('summary-dose')).toHaveText('72 mg (0.9 mg/kg)');
  await expect(page.getByTestId('summary-aldrete')).toHaveText('9 / 10');
  await expect(page.getByTestId('summary-alerts')).toContainText('alert');
  await expect(page.getByRole('button', { name: 'Close session' })).toHaveCount(0);
  const pin = page.getByTestId('close-panel').getByLabel('Your PIN');
  await pin.fill('000000');
  await pin.press('Enter');
  await expect(page.getByTestId('close-panel').getByRole('alert')).toHaveText('Unknown username or wrong PIN.');
  await expect(pin).toHaveValue('');
  await expect(page.getByTestId('phase')).toHaveText('Discharged');

  await pin.fill(PHYSICIAN.pin);
  await page.getByRole('button', { name: 'Sign and close' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Closed');
  await expect(page.getByTestId('signed-by')).toHaveText(`✓ Signed by ${PHYSICIAN.displayName}`);
  expect(pageProblems).toEqual([]);
});

test('a physician waives the minimum recovery time with a reason, and discharge no longer waits for it', async ({ page, host, pageProblems }) => {
  // A screened session whose 40-minute infusion has run and stopped: through the contract.
  await seedClinic(host);
  const { sessionId } = await seedSession(host, PATIENT_A, 'Chair 2');
  await host.advanceClock(40 * MINUTE_MS);
  await asUser(host, PHYSICIAN, (call) => call('session/transition', { sessionId, action: 'stopInfusion' }));
  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  // The chair's tab comes with the open sessions, loaded after sign-in.
  await expect(page.getByTestId('chair-tab')).toHaveCount(1);
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('phase')).toHaveText('Recovery');
  await expect(page.getByTestId('contraindication-warning')).toHaveCount(0);

  // Saving with an item unscored names it and saves nothing.
  await scoreAldrete(page, { activity: 2, respiration: 2, circulation: 2, consciousness: 2 });
  await expect(page.getByTestId('aldrete-total')).toHaveText('Aldrete total – / 10 (1 not scored)');
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByTestId('aldrete-form').getByRole('alert')).toHaveText('Score every Aldrete item. Not scored: Oxygen saturation.');
  await expect(page.getByTestId('latest-assessment')).toHaveText('No discharge assessment yet.');
  await scoreAldrete(page, { oxygenSaturation: 2 });
  await page.getByLabel('Responsible adult present').check();
  await page.getByLabel('No-driving instruction given').check();
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.getByTestId('latest-assessment')).toHaveAttribute('data-total', '10');
  await expect.poll(() => blockerIds(page, 'discharge-blockers')).toEqual(['minimumRecoveryTime']);

  const waiver = page.getByTestId('override-form-minimumRecovery');
  await waiver.getByRole('button', { name: 'Record override' }).click();
  await expect(waiver.getByRole('alert')).toHaveText('Give a reason of at least 3 characters.');
  await waiver.getByLabel('Reason').fill('Escort must leave; patient fully recovered, reviewed in person');
  await waiver.getByLabel('Reason').press('Enter');
  await expect(page.getByTestId('discharge-ready')).toBeVisible();
  await expect(page.getByTestId('override-form-minimumRecovery')).toHaveCount(0);
  await expect(page.getByTestId('overrides-minimumRecovery')).toContainText(`${PHYSICIAN.displayName} at`);
  await expect(page.getByTestId('overrides-minimumRecovery')).toContainText('reviewed in person');
  await expect(page.getByTestId('recovery-progress')).toContainText('Minimum recovery time waived by a physician');
  await page.getByRole('button', { name: 'Discharge', exact: true }).click();
  await page.getByTestId('phase-confirm').getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('phase')).toHaveText('Discharged');
  await expect(page.getByTestId('summary-recovery')).toHaveText('0:00');
  expect(pageProblems).toEqual([]);
});

test('a nurse sees the order read-only and is offered no override; main refuses her a dose order', async ({ page, host, pageProblems }) => {
  // The clinic, the nurse's account and the session she opened, not yet screened: through the contract.
  await seedClinic(host, [{ ...NURSE, roles: ['nurse'] }]);
  await seedSession(host, PATIENT_A, 'Chair 3', { screen: false, by: NURSE });
  await page.goto(host.url);
  await signIn(page, NURSE);
  // The chair's tab comes with the open sessions, loaded after sign-in.
  await expect(page.getByTestId('chair-tab')).toHaveCount(1);
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('phase')).toHaveText('Screening');

  await expect(page.getByTestId('dose-total')).toHaveText('40 mg');
  await expect(page.getByTestId('dose-form')).toHaveCount(0);
  await expect(page.getByTestId('dose-card')).toContainText('Only a physician can change the order.');

  for (const id of CONTRAINDICATIONS) await page.getByTestId(`contraindication-${id}`).getByLabel(id === 'pregnancy' ? 'Yes' : 'No').check();
  await page.getByLabel('Consent given').check();
  await page.getByRole('button', { name: 'Save screening' }).click();
  await expect(page.getByTestId('screening-saved-by')).toContainText(`Saved by ${NURSE.displayName}`);
  await expect.poll(() => blockerIds(page, 'start-blockers')).toEqual(['escort', 'contraindication', 'baselineVitals']);
  await expect(page.getByTestId('contraindication-warning')).toContainText('Contraindication reported: Pregnancy.');
  await expect(page.getByTestId('contraindication-warning')).toContainText('Ask the supervising physician to review the screening.');
  await expect(page.getByTestId('override-form-contraindication')).toHaveCount(0);

  // The UI only hides the physician's forms; main refuses the calls themselves.
  await withConnection(host, async (call) => {
    await call('auth/signIn', { username: NURSE.username, pin: NURSE.pin });
    const open = await call('session/list', { scope: 'open' });
    const sessionId = open.ok ? (open.value as SessionSummary[])[0]?.session.id : undefined;
    expect(sessionId).toBeDefined();
    const order = await call('dose/order', { sessionId: sessionId ?? 0, dosePerKg: 0.6 });
    expect(order.ok ? 'accepted' : order.error.code).toBe('forbidden');
    const override = await call('override/add', { sessionId: sessionId ?? 0, kind: 'contraindication', reason: 'not mine to give' });
    expect(override.ok ? 'accepted' : override.error.code).toBe('forbidden');
  });
  await expect(page.getByTestId('dose-total')).toHaveText('40 mg');
  expect(pageProblems).toEqual([]);
});
