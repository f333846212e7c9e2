import type { SessionDetail } from '../../shared/domain/views';

/** Placeholder until the ClosePanel is built. */
export function ClosePanel({ detail }: { detail: SessionDetail }) {
  return <section className="card" data-testid="ClosePanel" data-session={detail.session.id} />;
}
