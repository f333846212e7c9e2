import { PRIORITY_RANK, type AlertPriority } from '../../shared/clinical/alert-rules';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';

/**
 * The table's one rule for marking a value: it was charted while an alert on that parameter
 * was active (from the reading that raised it until the one that ended it), in that alert's
 * colour; the most urgent when several were. So every value the banner is about is marked,
 * and none it is not. Artifacts are never marked (they left the alert engine).
 */
export function readingFlags(alerts: readonly Alert[]): (reading: Reading, parameter: string) => AlertPriority | undefined {
  const byParameter = new Map<string, Alert[]>();
  for (const alert of alerts) {
    if (alert.kind !== 'physiological') continue;
    byParameter.set(alert.parameter, [...(byParameter.get(alert.parameter) ?? []), alert]);
  }
  return (reading, parameter) => {
    if (reading.artifact || reading.values[parameter as keyof Reading['values']] === undefined) return undefined;
    let flag: AlertPriority | undefined;
    for (const alert of byParameter.get(parameter) ?? []) {
      const activeThen = alert.raisedAt <= reading.recordedAt && (alert.resolvedAt === null || reading.recordedAt < alert.resolvedAt);
      if (activeThen && (!flag || PRIORITY_RANK[alert.priority] > PRIORITY_RANK[flag])) flag = alert.priority;
    }
    return flag;
  };
}

const TITLES = new Set(['dr', 'dr.', 'prof', 'prof.', 'rn', 'md']);

/** "Dr Ada Okafor" -> "A. Okafor": where a column is narrow; the full name goes in the title. */
export function shortName(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter((word) => !TITLES.has(word.toLowerCase()));
  if (words.length <= 1) return words[0] ?? displayName;
  return `${words[0]?.[0] ?? ''}. ${words.at(-1) ?? ''}`;
}
