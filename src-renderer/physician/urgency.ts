import { PRIORITY_RANK } from '../../shared/clinical/alert-rules';
import { compareChairs } from '../../shared/domain/chair-order';
import type { SessionSummary } from '../../shared/domain/views';

/**
 * The order the physician sees the chairs in: an escalated alert first, then the most
 * urgent active alert, then the higher NEWS2, then the chair name.
 */
export function byUrgency(a: SessionSummary, b: SessionSummary): number {
  const rank = (s: SessionSummary) => (s.highestActiveAlert ? PRIORITY_RANK[s.highestActiveAlert.priority] : 0);
  return (
    Number(b.escalated) - Number(a.escalated) ||
    rank(b) - rank(a) ||
    (b.latestNews2?.total ?? -1) - (a.latestNews2?.total ?? -1) ||
    compareChairs(a.session.chair, b.session.chair)
  );
}
