import { useTranslation } from 'react-i18next';
import type { DueChecks } from '../../shared/clinical/due-checks';
import { dayOf, formatClockTime, formatDuration, timeOnDay } from '../format/time';

const MINUTE_MS = 60_000;

/** What is due next and what is overdue, as main computed it from the stored record. */
export function DueChecksPanel({ dueChecks, nowAt }: { dueChecks: DueChecks; nowAt: number }) {
  const { t } = useTranslation();
  const { nextVitalsDueAt, vitalsOverdue, intervalMinutes } = dueChecks;
  return (
    <section className="card due-checks" aria-label={t('due.title')} data-testid="due-checks">
      <h2>{t('due.title')}</h2>
      {nextVitalsDueAt === null ? (
        <p className="muted">{t('due.notRunning')}</p>
      ) : vitalsOverdue ? (
        // Late by whole minutes ("24 min late"): a running m:ss such as "24:00" read as a clock time.
        <p className="due-overdue" data-testid="vitals-due" data-overdue="true">
          <span aria-hidden="true">!! </span>
          {t('due.overdue', { ...timeOnDay(nextVitalsDueAt, dayOf(nowAt)), late: t('due.lateMinutes', { count: Math.floor(Math.max(0, nowAt - nextVitalsDueAt) / MINUTE_MS) }) })}
        </p>
      ) : (
        <p className="due-next" data-testid="vitals-due" data-overdue="false">
          {t('due.next', { time: formatClockTime(nextVitalsDueAt), in: formatDuration(Math.max(0, nextVitalsDueAt - nowAt)), interval: intervalMinutes })}
        </p>
      )}
      <ul className="checkpoints">
        {dueChecks.checkpoints
          .filter((checkpoint) => checkpoint.status !== 'notApplicable')
          .map((checkpoint) => (
            <li key={checkpoint.id} className={`checkpoint checkpoint-${checkpoint.status}`} data-testid={`checkpoint-${checkpoint.id}`} data-status={checkpoint.status}>
              <span className="checkpoint-mark" aria-hidden="true">
                {checkpoint.status === 'done' ? '✓' : checkpoint.status === 'overdue' ? '!!' : '○'}
              </span>
              <span>{t(`due.checkpoint.${checkpoint.id}`)}</span>
              <span className="muted">
                {t(`due.status.${checkpoint.status}`)}
                {checkpoint.doneAt !== null ? ` ${formatClockTime(checkpoint.doneAt)}` : checkpoint.dueAt !== null ? ` ${formatClockTime(checkpoint.dueAt)}` : ''}
              </span>
            </li>
          ))}
      </ul>
    </section>
  );
}
