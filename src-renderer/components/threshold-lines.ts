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

/**
 * Where each limit's label goes so that no two labels on one side of the plot sit closer than
 * `minGapPx` (the default limits put HR 120, DBP 110, DBP 100 and SBP 90 within 25 px of each
 * other): from the lowest up, on the line's own side (`preferred`, the side of its axis) if
 * there is room, else on the other side, else none (the line stays; its value is on the
 * session's Alert thresholds card). `heightPx` is each line's height in the plot.
 */
export function placeThresholdLabels(lines: readonly { heightPx: number; preferred: LabelSide }[], minGapPx: number): (LabelSide | null)[] {
  const order = lines.map((line, index) => ({ ...line, index })).sort((a, b) => a.heightPx - b.heightPx);
  const last: Record<LabelSide, number> = { start: Number.NEGATIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
  const sides: (LabelSide | null)[] = lines.map(() => null);
  for (const line of order) {
    const other: LabelSide = line.preferred === 'start' ? 'end' : 'start';
    const side = [line.preferred, other].find((candidate) => line.heightPx - last[candidate] >= minGapPx) ?? null;
    if (side) last[side] = line.heightPx;
    sides[line.index] = side;
  }
  return sides;
}
