import { docsScreenshot } from './docs';
import { expect, PATIENT_A, PHYSICIAN, signIn, test } from './fixtures';
import { seedClinic, seedCourseSession, seedPatient } from './seed-chair';

test('the treatment course: PHQ-9 before the third session with item 9 flagged, today\'s weight confirmed, and the course as a chart and a table', async ({ page, host, pageProblems }) => {
  await seedClinic(host);
  const patientId = await seedPatient(host, PATIENT_A, { sex: 'female', heightCm: 168, allergies: 'Penicillin (rash)' });
  await seedCourseSession(host, patientId, 'Chair 2', { phq9Total: 20, peakSystolicMmHg: 158, dissociationLevel: 3 });
  await seedCourseSession(host, patientId, 'Chair 2', { phq9Total: 14, peakSystolicMmHg: 150, dissociationLevel: 2 });

  await page.goto(host.url);
  await signIn(page, PHYSICIAN);
  // The third session: today's weight must be confirmed; the registered one is only offered.
  const row = page.getByTestId(`patient-${PATIENT_A.mrn}`);
  await row.getByRole('button', { name: 'Open session' }).click();
  await row.getByLabel('Chair').selectOption('Chair 2');
  await expect(row.getByLabel('Weight today (kg)')).toHaveValue('');
  await expect(row.getByLabel('Weight today (kg)')).toHaveAttribute('placeholder', 'registered 80');
  await row.getByRole('button', { name: 'Open session' }).click();
  await expect(row.getByText("Confirm today's weight for the dose (registered: 80 kg).")).toBeVisible();
  await row.getByLabel('Weight today (kg)').fill('78');
  await row.getByRole('button', { name: 'Open session' }).click();
  await expect(page.getByTestId('session-screen')).toContainText('78 kg');
  // Sex, height and allergies from the patient record, allergies where they cannot be missed.
  await expect(page.getByTestId('session-screen')).toContainText('Female · 168 cm');
  await expect(page.getByTestId('patient-allergies')).toHaveText('Allergies: Penicillin (rash)');

  // PHQ-9 by keyboard-free clicks: total 9 (mild) with item 9 at 1, flagged for a physician.
  const form = page.getByTestId('phq9-form');
  const scores = { interest: 2, mood: 2, sleep: 1, energy: 1, appetite: 1, selfWorth: 1, concentration: 0, psychomotor: 0, selfHarm: 1 };
  for (const [item, score] of Object.entries(scores)) await form.getByTestId(`phq9-${item}`).locator(`input[value="${score}"]`).check();
  await expect(form.getByTestId('phq9-total')).toHaveText('PHQ-9 9 / 27 · mild');
  await expect(form.getByTestId('phq9-flag')).toContainText('a physician must see the patient today');
  await form.getByRole('button', { name: 'Save PHQ-9' }).click();
  await expect(form.getByTestId('phq9-saved')).toContainText(`PHQ-9 9 saved by ${PHYSICIAN.displayName}`);
  await expect(page.locator('[data-testid="active-alert"][data-rule="phq9SelfHarm"]')).toContainText('PHQ-9 item 9 above 0: see the patient today');

  // The course: three sessions, oldest first on the chart, newest first in the table.
  await page.getByRole('button', { name: 'Patients', exact: true }).click();
  await row.getByRole('button', { name: /History/ }).click();
  await expect(page.getByTestId('course-chart')).toHaveAttribute('data-points', '3');
  await expect(page.getByTestId('course-chart').locator('.recharts-line')).toHaveCount(3);
  await expect(page.getByTestId('course-first')).toHaveText('20');
  await expect(page.getByTestId('course-latest')).toHaveText('9 · mild');
  await expect(page.getByTestId('course-change')).toHaveText('-55 %');
  await expect(page.getByTestId('course-response')).toHaveText('yes');
  await expect(page.getByTestId('course-remission')).toHaveText('not yet');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).locator('[data-col="phq9"]')).toHaveText('9 · mild!! item 9');
  await expect(rows.nth(1).locator('[data-col="phq9"]')).toHaveText('14 · moderate');
  await expect(rows.nth(2).locator('[data-col="phq9"]')).toHaveText('20 · severe');
  await expect(rows.nth(2).locator('[data-col="peakBp"]')).toHaveText('158/88');
  await expect(rows.nth(2).locator('[data-col="peakDissociation"]')).toHaveText('3');
  await expect(rows.nth(2).locator('[data-col="dosePerKg"]')).toHaveText('0.5');
  await docsScreenshot(page, 'course');
  expect(pageProblems).toEqual([]);
});
