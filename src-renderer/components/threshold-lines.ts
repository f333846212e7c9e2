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
