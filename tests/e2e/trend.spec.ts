import { docsScreenshot } from './docs';
import { expect, PHYSICIAN, signIn, test } from './fixtures';
import { CHAIR_NURSE, seedClinic, seedReadings, seedSession } from './seed-chair';

const MINUTE_MS = 60_000;
const READINGS = [
  { heartRateBpm: 84, systolicMmHg: 138, diastolicMmHg: 86, spo2Pct: 97, respiratoryRatePerMin: 15, moaasScore: 4, dissociationLevel: 1 },
  { heartRateBpm: 96, systolicMmHg: 168, diastolicMmHg: 96, spo2Pct: 93, respiratoryRatePerMin: 12, moaasScore: 3, dissociationLevel: 3 },
  { heartRateBpm: 90, systolicMmHg: 150, diastolicMmHg: 90, spo2Pct: 95, respiratoryRatePerMin: 14, moaasScore: 4, dissociationLevel: 2 },
];

test("the trend shows every charted parameter in three panels with the session's limits; the physician's tile has a sparkline that follows new readings", async ({ browser, page, host, pageProblems }) => {
  await seedClinic(host);
  const sessionId = await seedSession(host, { start: true });
  await seedReadings(host, sessionId, READINGS, 5 * MINUTE_MS);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await signIn(page, CHAIR_NURSE);
  await page.getByTestId('chair-tab').first().click();

  const chart = page.getByTestId('vitals-chart');
  const panel = (id: string) => chart.locator(`[data-panel="${id}"]`);
  await expect(chart).toHaveAttribute('data-points', '4');
  // Each parameter is a line of its own: HR, SBP, DBP; SpO2 (left axis) and RR (right axis); MOAA/S and dissociation as steps.
  await expect(panel('circulation').locator('.recharts-line')).toHaveCount(3);
  await expect(panel('breathing').locator('.recharts-line')).toHaveCount(2);
  await expect(panel('breathing').locator('.recharts-yAxis')).toHaveCount(2);
  await expect(panel('sedation').locator('.recharts-line')).toHaveCount(2);
  await expect(panel('breathing').locator('.recharts-legend-wrapper')).toContainText('SpO₂ %');
  await expect(panel('breathing').locator('.recharts-legend-wrapper')).toContainText('RR /min');
  await expect(panel('sedation').locator('.recharts-legend-wrapper')).toContainText('MOAA/S 0–5');
  // A step line only moves horizontally and vertically.
  const step = await panel('sedation').locator('.recharts-line-curve').first().getAttribute('d');
  expect(step).toMatch(/^M[\d.,]+(L[\d.,]+)+$/);
  const corners = (step ?? '').slice(1).split('L').map((pair) => pair.split(',').map(Number));
  for (let i = 1; i < corners.length; i++) {
    const [x0, y0] = corners[i - 1] ?? [];
    const [x1, y1] = corners[i] ?? [];
    expect(x0 === x1 || y0 === y1, `segment ${i} of ${step}`).toBe(true);
  }
  // The session's fixed limits: SBP 180 and DBP 110 (high), SBP 160 (medium); SpO2 88 (high) and 92 (medium).
  // Each line carries its value (the y it is drawn at, in the axis' unit).
  const labels = async (id: string, priority: string) => panel(id).locator(`.threshold-${priority} line`).evaluateAll((lines) => lines.map((line) => line.getAttribute('y')));
  expect(await labels('circulation', 'high')).toEqual(expect.arrayContaining(['180', '110']));
  expect(await labels('circulation', 'medium')).toEqual(expect.arrayContaining(['160', '100']));
  expect(await labels('breathing', 'high')).toEqual(expect.arrayContaining(['88']));
  expect(await labels('breathing', 'medium')).toEqual(expect.arrayContaining(['92']));
  // Each limit's label names its parameter (the colour gives only the priority), and none prints over another.
  for (const id of ['circulation', 'breathing']) {
    const boxes = await panel(id).locator('text.recharts-label').evaluateAll((texts) => texts.map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect().toJSON() as DOMRect })));
    expect(boxes.map((label) => label.text)).toEqual(expect.arrayContaining(id === 'circulation' ? ['SBP 180', 'DBP 110', 'SBP 160'] : ['SpO₂ 88', 'SpO₂ 92']));
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom).map((b) => `${a.text} / ${b.text}`));
    expect(overlapping, `${id} labels printed over each other`).toEqual([]);
    // Nor over a reading's dot: the first reading's sit at the plot's left edge, where the labels of the left axis go (SBP 124 under "DBP 110").
    const dots = await panel(id).locator('.recharts-line-dots circle').evaluateAll((circles) => circles.map((circle) => circle.getBoundingClientRect().toJSON() as DOMRect));
    expect(dots.length, `${id} dots`).toBeGreaterThan(0);
    const onDots = boxes.filter((label) => dots.some((dot) => label.box.left < dot.right && dot.left < label.box.right && label.box.top < dot.bottom && dot.top < label.box.bottom)).map((label) => label.text);
    expect(onDots, `${id} labels printed over a reading's dot`).toEqual([]);
  }
  // Every axis' tick labels are whole (the SVG clips what passes its edge), the lowest included (the upper panels' "0" and "80" were cut in half at their bottom edge).
  for (const id of ['circulation', 'breathing', 'sedation']) {
    const clipped = await panel(id).evaluate((element) => {
      const surface = element.querySelector('.recharts-wrapper > svg')?.getBoundingClientRect();
      const labels = element.querySelectorAll('.recharts-cartesian-axis-tick-label text');
      if (!surface || labels.length === 0) return ['no chart or no tick labels'];
      return [...labels]
        .map((label) => ({ text: label.textContent ?? '', box: label.getBoundingClientRect() }))
        .filter(({ box }) => box.top < surface.top || box.bottom > surface.bottom)
        .map(({ text }) => text);
    });
    expect(clipped, `${id}: tick labels cut by the panel's edge`).toEqual([]);
  }
  expect((await chart.boundingBox())?.y ?? Infinity).toBeLessThan(800);
  await docsScreenshot(page, 'session-trend');
  await page.emulateMedia({ colorScheme: 'dark' });
  // In the dim-room theme a high limit's label is the light alert red of text, legible on the dark plot.
  await expect(panel('circulation').locator('text.recharts-label', { hasText: 'SBP 180' })).toHaveCSS('fill', 'rgb(255, 138, 128)');
  await docsScreenshot(page, 'session-trend-dark');

  // The physician's tile: SBP and SpO2 this session as sparklines with the latest values, following the next reading.
  const physician = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await physician.goto(host.url);
  await signIn(physician, PHYSICIAN);
  await physician.getByTestId('nav-physician').click();
  const tile = physician.getByTestId('session-tile');
  await expect(tile.getByTestId('spark-systolicMmHg')).toHaveAttribute('data-points', '4');
  await expect(tile.getByTestId('spark-spo2Pct').locator('.spark-latest')).toHaveText('95');
  await expect(tile.getByTestId('tile-sedation')).toHaveText('MOAA/S 4 · Dissociation 2');
  await seedReadings(host, sessionId, [{ heartRateBpm: 88, systolicMmHg: 142, diastolicMmHg: 88, spo2Pct: 91, moaasScore: 5, dissociationLevel: 0 }], 5 * MINUTE_MS);
  await expect(tile.getByTestId('spark-systolicMmHg')).toHaveAttribute('data-points', '5');
  await expect(tile.getByTestId('spark-spo2Pct').locator('.spark-latest')).toHaveText('91');
  await expect(tile.getByTestId('spark-systolicMmHg').locator('polyline')).toHaveCount(1);
  await docsScreenshot(physician, 'physician-sparkline');
  expect(pageProblems).toEqual([]);
  await physician.close();
});
