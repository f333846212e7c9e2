import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/domain/alert';
import type { SessionEvent } from '../../shared/domain/session-event';
import type { PhaseEvent } from '../../shared/domain/session';
import { errorText } from '../format/error-text';
import { call } from '../transport/client';
import { PRIORITY_SYMBOL } from './AlertBanner';
import { AlertText } from './AlertText';
import { ClockTimeOnDay } from './ClockTimeOnDay';
import { describeEvent } from './describe-event';

type TimelineItem =
  | { kind: 'phase'; at: number; item: PhaseEvent }
  | { kind: 'event'; at: number; item: SessionEvent }
  | { kind: 'alert'; at: number; item: Alert }
  | { kind: 'acknowledged'; at: number; item: Alert }
  | { kind: 'ended'; at: number; item: Alert }
  | { kind: 'earlier'; at: number; node: ReactNode };

/**
 * Phase changes, session events, and alerts with their acknowledgements, in time order; an
 * entry made in error is struck through, never removed.
 */
export function EventsList({
  events,
  phaseEvents,
  alerts = [],
  canRetract,
  earlierAlerts,
  day,
}: {
  events: readonly SessionEvent[];
  phaseEvents: readonly PhaseEvent[];
  alerts?: readonly Alert[];
  canRetract: boolean;
  /** Where the alerts shown begin (the session screen holds the newest only), and what to say there. */
  earlierAlerts?: { raisedBefore: number; node: ReactNode } | null;
  /** The day the list is read on (yyyy-MM-dd), as for the readings table: entries of another day carry their date. */
  day: string;
}) {
  const { t } = useTranslation();
  const [retracting, setRetracting] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const items: TimelineItem[] = [
    // In the order they happened, then reversed: the stable newest-first sort keeps acts of the
    // same minute newest first too (Closed above Discharged, an alert's end above its start).
    ...[
      ...phaseEvents.filter((p) => p.fromPhase !== null).map((item) => ({ kind: 'phase' as const, at: item.at, item })),
      ...events.map((item) => ({ kind: 'event' as const, at: item.observedAt, item })),
      ...alerts.map((item) => ({ kind: 'alert' as const, at: item.raisedAt, item })),
      ...alerts.flatMap((item) => (item.acknowledgedAt === null ? [] : [{ kind: 'acknowledged' as const, at: item.acknowledgedAt, item }])),
      ...alerts.flatMap((item) => (item.resolvedAt === null ? [] : [{ kind: 'ended' as const, at: item.resolvedAt, item }])),
    ].reverse(),
    // Last, so the stable sort puts it below the entries of its own time (the oldest alert shown).
    ...(earlierAlerts ? [{ kind: 'earlier' as const, at: earlierAlerts.raisedBefore, node: earlierAlerts.node }] : []),
  ].sort((a, b) => b.at - a.at);

  async function retract(eventId: number) {
    const result = await call('event/retract', { eventId, reason });
    if (!result.ok) {
      setError(errorText(t, result.error));
      return;
    }
    setRetracting(null);
    setReason('');
    setError(null);
  }

  if (items.length === 0) return <p className="empty">{t('events.none')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((entry) =>
        entry.kind === 'earlier' ? (
          <li key="earlier" className="timeline-earlier">
            <span className="timeline-time"><ClockTimeOnDay at={entry.at} day={day} /></span>
            <span className="timeline-text">{entry.node}</span>
          </li>
        ) : entry.kind === 'alert' ? (
          <li key={`a${entry.item.id}`} className={`timeline-alert priority-${entry.item.priority}`} data-testid="timeline-alert">
            <span className="timeline-time"><ClockTimeOnDay at={entry.at} day={day} /></span>
            <span className="timeline-text">
              {t('timeline.alertRaised', { symbol: PRIORITY_SYMBOL[entry.item.priority], priority: t(`alerts.priority.${entry.item.priority}`) })} — <AlertText alert={entry.item} />
            </span>
          </li>
        ) : entry.kind === 'ended' ? (
          <li key={`x${entry.item.id}`} className="timeline-ended" data-testid="timeline-ended">
            <span className="timeline-time"><ClockTimeOnDay at={entry.at} day={day} /></span>
            <span className="timeline-text">
              {t('timeline.alertEnded', {
                reason: t(`alerts.resolved.${entry.item.resolvedReason ?? ''}`, { defaultValue: entry.item.resolvedReason ?? '' }),
                name: entry.item.resolvedByName ?? '',
                context: entry.item.resolvedByName ? 'byName' : undefined,
              })}{' '}
              — <AlertText alert={entry.item} />
            </span>
          </li>
        ) : entry.kind === 'acknowledged' ? (
          <li key={`k${entry.item.id}`} className="timeline-acknowledged" data-testid="timeline-acknowledged">
            <span className="timeline-time"><ClockTimeOnDay at={entry.at} day={day} /></span>
            <span className="timeline-text">
              {entry.item.acknowledgeNote
                ? t('timeline.alertAcknowledgedNote', { name: entry.item.acknowledgedByName ?? '', note: entry.item.acknowledgeNote })
                : t('timeline.alertAcknowledged', { name: entry.item.acknowledgedByName ?? '' })}
            </span>
          </li>
        ) : entry.kind === 'phase' ? (
          <li key={`p${entry.item.id}`} className="timeline-phase">
            <span className="timeline-time"><ClockTimeOnDay at={entry.at} day={day} /></span>
            <span>
              {t(`session.phase.${entry.item.toPhase}`)}
              {entry.item.reason && <> — {entry.item.reason}</>}
            </span>
            <span className="muted">{entry.item.userName}</span>
          </li>
        ) : (
          <li key={`e${entry.item.id}`} className={entry.item.retraction ? 'timeline-event retracted' : 'timeline-event'} data-testid="timeline-event">
            <span className="timeline-time">
              <ClockTimeOnDay at={entry.at} day={day} />
              {entry.item.late && <span className="late-badge">{t('reading.late')}</span>}
            </span>
            <span className="timeline-text">{describeEvent(t, entry.item.event)}</span>
            <span className="muted">
              {entry.item.userName}
              {entry.item.retraction && <> · {t('events.retractedBy', { name: entry.item.retraction.userName, reason: entry.item.retraction.reason })}</>}
            </span>
            {canRetract && !entry.item.retraction && retracting !== entry.item.id && (
              <button type="button" className="link" onClick={() => setRetracting(entry.item.id)}>
                {t('events.retract')}
              </button>
            )}
            {retracting === entry.item.id && (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void retract(entry.item.id);
                }}
              >
                <input aria-label={t('events.retractReason')} placeholder={t('events.retractReason')} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
                <button type="submit">{t('events.retract')}</button>
                <button type="button" onClick={() => setRetracting(null)}>
                  {t('session.cancel')}
                </button>
                {error && <span className="field-error">{error}</span>}
              </form>
            )}
          </li>
        ),
      )}
    </ol>
  );
}
