import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Reading } from '../../../../shared/domain/reading';
import type { VitalParameter } from '../../../../shared/clinical/parameters';
import { localTime } from '../report-time';

interface Series {
  parameter: VitalParameter;
  label: string;
  /** Told apart by dash pattern, not colour (the report prints in black and white). */
  dash: number[];
}

const SERIES: readonly Series[] = [
  { parameter: 'systolicMmHg', label: 'Systolic BP mmHg', dash: [] },
  { parameter: 'diastolicMmHg', label: 'Diastolic BP mmHg', dash: [5, 3] },
  { parameter: 'heartRateBpm', label: 'Heart rate /min', dash: [1.5, 2] },
  { parameter: 'spo2Pct', label: 'SpO2 %', dash: [7, 2, 1.5, 2] },
];

const Y_MIN = 40;
const Y_MAX = 200;
const BLACK = rgb(0, 0, 0);
const GRID = rgb(0.8, 0.8, 0.8);

/**
 * The trend as vector lines: one path per parameter over the session's time axis, current
 * readings only (corrections as they stand, artifacts left out, as on the screen).
 */
export function drawTrend(area: { page: PDFPage; x: number; y: number; width: number; height: number; regular: PDFFont }, readings: readonly Reading[], phaseMarks: readonly { at: number; label: string }[]): void {
  const { page, regular } = area;
  const left = area.x + 28;
  const bottom = area.y + 30;
  const width = area.width - 32;
  const height = area.height - 44;
  const times = [...readings.map((r) => r.observedAt), ...phaseMarks.map((m) => m.at)];
  const from = Math.min(...times);
  const to = Math.max(...times, from + 60_000);
  const xOf = (at: number) => left + ((at - from) / (to - from)) * width;
  const yOf = (value: number) => bottom + ((Math.min(Y_MAX, Math.max(Y_MIN, value)) - Y_MIN) / (Y_MAX - Y_MIN)) * height;

  for (let value = Y_MIN; value <= Y_MAX; value += 20) {
    page.drawLine({ start: { x: left, y: yOf(value) }, end: { x: left + width, y: yOf(value) }, thickness: 0.3, color: GRID });
    page.drawText(String(value), { x: area.x, y: yOf(value) - 2.5, size: 7, font: regular, color: BLACK });
  }
  page.drawRectangle({ x: left, y: bottom, width, height, borderColor: BLACK, borderWidth: 0.6 });
  for (const mark of phaseMarks) {
    const x = xOf(mark.at);
    page.drawLine({ start: { x, y: bottom }, end: { x, y: bottom + height }, thickness: 0.4, color: BLACK, dashArray: [2, 2] });
    const label = `${mark.label} ${localTime(mark.at)}`;
    // Near the right edge the label goes to the left of its line, so it is never cut off.
    const labelWidth = regular.widthOfTextAtSize(label, 6.5);
    const labelX = x + 2 + labelWidth > left + width ? x - 2 - labelWidth : x + 2;
    page.drawText(label, { x: labelX, y: bottom + height - 9, size: 6.5, font: regular, color: BLACK });
  }
  page.drawText(localTime(from), { x: left, y: bottom - 10, size: 7, font: regular, color: BLACK });
  const endLabel = localTime(to);
  page.drawText(endLabel, { x: left + width - regular.widthOfTextAtSize(endLabel, 7), y: bottom - 10, size: 7, font: regular, color: BLACK });

  let legendX = left;
  for (const series of SERIES) {
    const points = readings.flatMap((r) => {
      const value = r.values[series.parameter];
      return value === undefined ? [] : [{ x: xOf(r.observedAt), y: yOf(value) }];
    });
    for (let i = 1; i < points.length; i += 1) {
      const a = points[i - 1];
      const b = points[i];
      if (a && b) page.drawLine({ start: a, end: b, thickness: 1, color: BLACK, ...(series.dash.length > 0 ? { dashArray: series.dash } : {}) });
    }
    if (points.length === 1 && points[0]) page.drawCircle({ x: points[0].x, y: points[0].y, size: 1.5, color: BLACK });
    const legendY = area.y + 6;
    page.drawLine({ start: { x: legendX, y: legendY + 3 }, end: { x: legendX + 22, y: legendY + 3 }, thickness: 1, color: BLACK, ...(series.dash.length > 0 ? { dashArray: series.dash } : {}) });
    page.drawText(series.label, { x: legendX + 26, y: legendY, size: 7, font: regular, color: BLACK });
    legendX += 30 + regular.widthOfTextAtSize(series.label, 7) + 14;
  }
}
