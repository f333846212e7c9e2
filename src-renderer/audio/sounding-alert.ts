import { PRIORITY_RANK } from '../../shared/clinical/alert-rules';
import type { Alert } from '../../shared/domain/alert';

/**
 * The alert the room should hear now: active (a latched alert keeps sounding after its
 * condition cleared, until someone acknowledges it), not yet acknowledged (acknowledging
 * silences it for good, as on a monitor), not audio-paused; the most urgent first,
 * escalated before not escalated, then the oldest.
 */
export function soundingAlert(alerts: readonly Alert[], nowAt: number): Alert | null {
  const candidates = alerts.filter(
    (a) => a.state === 'active' && a.acknowledgedAt === null && (a.audioPausedUntil === null || a.audioPausedUntil <= nowAt),
  );
  candidates.sort(
    (a, b) =>
      PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] ||
      Number(b.escalatedAt !== null) - Number(a.escalatedAt !== null) ||
      a.raisedAt - b.raisedAt,
  );
  return candidates[0] ?? null;
}
