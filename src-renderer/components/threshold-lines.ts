import type { AlertPriority, AlertRule } from '../../shared/clinical/alert-rules';
import type { VitalParameter } from '../../shared/clinical/parameters';

export interface ThresholdLine {
  parameter: VitalParameter;
  /** The limit in the parameter's own unit. */
  value: number;
  priority: AlertPriority;
  ruleId: string;
}

/**
 * The fixed limits of a session's rules, as lines for the chart: one per limit (an "outside"
 * rule gives two). A rise from the baseline has no fixed height and is left to the alert
 * itself; NEWS2 rules are not charted values.
 */
export function thresholdLines(rules: readonly AlertRule[], parameters: readonly VitalParameter[]): ThresholdLine[] {
  const charted = new Set<string>(parameters);
  const lines: ThresholdLine[] = [];
  for (const rule of rules) {
    if (!charted.has(rule.parameter)) continue;
    const parameter = rule.parameter as VitalParameter;
    const line = (value: number) => lines.push({ parameter, value, priority: rule.priority, ruleId: rule.id });
    const { comparison } = rule;
    switch (comparison.kind) {
      case 'above':
      case 'atOrAbove':
      case 'below':
      case 'atOrBelow':
        line(comparison.limit);
        break;
      case 'outside':
        line(comparison.low);
        line(comparison.high);
        break;
      case 'riseFromBaseline':
        break;
    }
  }
  return lines;
}

export type LabelSide = 'start' | 'end';

/** A drawn point (a reading's dot) in the plot: from its left edge and from its bottom, in px. */
export interface PlotPoint {
  xPx: number;
  heightPx: number;
}

/** A limit's label as the chart draws it: text of `textPx` height, `offsetPx` in from the plot's edge and above its line. */
export interface LabelBox {
  widthPx: number;
  textPx: number;
  offsetPx: number;
}

/**
 * How far in from the plot's `side` edge a limit's label must move to print over no drawn
 * point: the first reading's dots sit at the plot's left edge, the newest near its right edge,
 * just where the labels go ("DBP 110" over an SBP of 124). 0 when the edge is free; past the
 * dots in its way otherwise; null when that is further in than `maxShiftPx` (the label would
 * float away from its axis). `radiusPx` is a dot's radius and the room kept around it.
 */
export function labelShiftPx(side: LabelSide, lineHeightPx: number, label: LabelBox, plotWidthPx: number, points: readonly PlotPoint[], radiusPx: number, maxShiftPx: number): number | null {
  const bottom = lineHeightPx + label.offsetPx;
  const top = bottom + label.textPx;
  // Distances from the side's own edge, so that "further in" is larger on either side.
  const near = points
    .filter((point) => point.heightPx + radiusPx >= bottom && point.heightPx - radiusPx <= top)
    .map((point) => (side === 'start' ? point.xPx : plotWidthPx - point.xPx));
  let shift = 0;
  for (;;) {
    const from = label.offsetPx + shift;
    const hits = near.filter((distance) => distance + radiusPx >= from && distance - radiusPx <= from + label.widthPx);
    if (hits.length === 0) return shift;
    shift = Math.max(...hits) + radiusPx + 1 - label.offsetPx;
    if (shift > maxShiftPx) return null;
  }
}

/**
 * Where each limit's label goes so that no two labels on one side of the plot sit closer than
 * `minGapPx` (the default limits put HR 120, DBP 110, DBP 100 and SBP 90 within 25 px of each
 * other) and none on a side where it finds no room among the drawn points (`blocked`: where
 * `labelShiftPx` is null): from the lowest
 * up, on the line's own side (`preferred`, the side of its axis) if there is room, else on the
 * other side, else none (the line stays; its value is on the session's Alert thresholds card).
 * `heightPx` is each line's height in the plot.
 */
export function placeThresholdLabels(lines: readonly { heightPx: number; preferred: LabelSide; blocked?: readonly LabelSide[] }[], minGapPx: number): (LabelSide | null)[] {
  const order = lines.map((line, index) => ({ ...line, index })).sort((a, b) => a.heightPx - b.heightPx);
  const last: Record<LabelSide, number> = { start: Number.NEGATIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
  const sides: (LabelSide | null)[] = lines.map(() => null);
  for (const line of order) {
    const other: LabelSide = line.preferred === 'start' ? 'end' : 'start';
    const free = (candidate: LabelSide) => line.heightPx - last[candidate] >= minGapPx && !line.blocked?.includes(candidate);
    const side = [line.preferred, other].find(free) ?? null;
    if (side) last[side] = line.heightPx;
    sides[line.index] = side;
  }
  return sides;
}
