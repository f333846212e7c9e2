import type { SessionDetail } from '../../shared/domain/views';

/** Placeholder until the DischargePanel is built. */
export function DischargePanel({ detail }: { detail: SessionDetail }) {
  return <section className="card" data-testid="DischargePanel" data-session={detail.session.id} />;
}
