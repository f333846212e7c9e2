import type { SessionDetail } from '../../shared/domain/views';

/** Placeholder until the ScreeningPanel is built. */
export function ScreeningPanel({ detail }: { detail: SessionDetail }) {
  return <section className="card" data-testid="ScreeningPanel" data-session={detail.session.id} />;
}
