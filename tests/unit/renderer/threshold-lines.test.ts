import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../../../shared/clinical/alert-rules';
import { labelShiftPx, placeThresholdLabels, thresholdLines } from '../../../src-renderer/components/threshold-lines';

describe("the trend's threshold lines", () => {
  it("draw each fixed limit of the session's rules on its parameter, with the rule's priority, and leave baseline rises and NEWS2 out", () => {
    const lines = thresholdLines(DEFAULT_ALERT_RULES, ['systolicMmHg', 'spo2Pct', 'respiratoryRatePerMin', 'moaasScore']);
    const of = (parameter: string) => lines.filter((line) => line.parameter === parameter).map(({ value, priority }) => `${priority} ${value}`).sort();
    expect(of('systolicMmHg')).toEqual(expect.arrayContaining(['high 180', 'high 90', 'medium 160']));
    expect(of('spo2Pct')).toEqual(['high 88', 'medium 92']);
    expect(of('respiratoryRatePerMin').length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => ['systolicMmHg', 'spo2Pct', 'respiratoryRatePerMin', 'moaasScore'].includes(line.parameter))).toBe(true);
    const rises = new Set(DEFAULT_ALERT_RULES.filter((rule) => rule.comparison.kind === 'riseFromBaseline').map((rule) => rule.id));
    expect(rises.size).toBeGreaterThan(0);
    expect(lines.filter((line) => rises.has(line.ruleId))).toEqual([]);
  });

  it('gives both limits of an "outside" rule', () => {
    const rule = { id: 'hr-band', parameter: 'heartRateBpm' as const, comparison: { kind: 'outside' as const, low: 50, high: 120 }, priority: 'medium' as const, group: 'hr', confirmation: { kind: 'none' as const }, hysteresis: 2 };
    expect(thresholdLines([rule], ['heartRateBpm']).map((line) => line.value)).toEqual([50, 120]);
  });

  it('places the labels of the default HR/BP limits so that none prints over another on its side', () => {
    // The circulation panel: 0-220 on about 164 px; HR 120, DBP 110, DBP 100 and SBP 90 lie within 22 px.
    const lines = thresholdLines(DEFAULT_ALERT_RULES, ['heartRateBpm', 'systolicMmHg', 'diastolicMmHg']);
    const heights = lines.map((line) => ({ heightPx: (line.value / 220) * 164, preferred: 'start' as const }));
    const sides = placeThresholdLabels(heights, 11);
    for (const side of ['start', 'end'] as const) {
      const placed = heights.filter((_, index) => sides[index] === side).map((line) => line.heightPx).sort((a, b) => a - b);
      const gaps = placed.slice(1).map((height, index) => height - (placed[index] ?? Number.NEGATIVE_INFINITY));
      expect(gaps.every((gap) => gap >= 11), `${side}: ${gaps.join(', ')}`).toBe(true);
    }
    // Room was made by moving labels to the other side, not by dropping them.
    expect(sides.filter((side) => side === 'end').length).toBeGreaterThan(0);
    expect(sides.filter((side) => side === null).length).toBeLessThan(lines.length / 2);
  });

  it('keeps a label on its own side when there is room, moves it when not, and leaves it out when neither side has room', () => {
    expect(placeThresholdLabels([{ heightPx: 10, preferred: 'end' }, { heightPx: 50, preferred: 'end' }], 11)).toEqual(['end', 'end']);
    expect(placeThresholdLabels([{ heightPx: 10, preferred: 'start' }, { heightPx: 15, preferred: 'start' }, { heightPx: 18, preferred: 'start' }], 11)).toEqual(['start', 'end', null]);
  });

  it('moves a label in from its edge past the dots under it, or finds no room within the limit', () => {
    // "DBP 110" (45 px wide, 10 px text, 5 px in and above its line at 80 px) on a 500 px plot.
    const box = { widthPx: 45, textPx: 10, offsetPx: 5 };
    const firstReading = { xPx: 0, heightPx: 92 };
    expect(labelShiftPx('start', 80, box, 500, [], 6, 125)).toBe(0);
    // The first reading's dot (r 3 + 3 px room) at the left edge, 12 px above the line: the label starts past it.
    expect(labelShiftPx('start', 80, box, 500, [firstReading], 6, 125)).toBe(2);
    // A dot well below or above the label's text is no obstacle, nor one at the other edge.
    expect(labelShiftPx('start', 80, box, 500, [{ xPx: 0, heightPx: 60 }, { xPx: 0, heightPx: 110 }], 6, 125)).toBe(0);
    expect(labelShiftPx('end', 80, box, 500, [firstReading], 6, 125)).toBe(0);
    // Dots one after another under the label: past them all, until that is further in than allowed.
    const run = [0, 30, 60].map((xPx) => ({ xPx, heightPx: 90 }));
    expect(labelShiftPx('start', 80, box, 500, run, 6, 125)).toBe(62);
    expect(labelShiftPx('start', 80, box, 500, run, 6, 40)).toBeNull();
    expect(labelShiftPx('end', 80, box, 500, [{ xPx: 497, heightPx: 88 }], 6, 125)).toBe(5);
  });

  it('puts a label on the other side, or leaves it out, where its own side has no room among the dots', () => {
    expect(placeThresholdLabels([{ heightPx: 10, preferred: 'start', blocked: ['start'] }], 11)).toEqual(['end']);
    expect(placeThresholdLabels([{ heightPx: 10, preferred: 'start', blocked: ['start', 'end'] }, { heightPx: 15, preferred: 'start' }], 11)).toEqual([null, 'start']);
  });
});
