import { useTranslation } from 'react-i18next';
import type { SessionTimer } from '../../shared/domain/session';
import { formatDuration } from '../format/time';

/** Recovery so far against the protocol's minimum, from main's live timer. */
export function RecoveryProgress({ timer, minimumMinutes, waived }: { timer: SessionTimer; minimumMinutes: number | null; waived: boolean }) {
  const { t } = useTranslation();
  const elapsed = formatDuration(timer.recoveryElapsedMs);
  if (minimumMinutes === null) {
    return <p className="recovery-progress" data-testid="recovery-progress">{t('discharge.recoveryNoMinimum', { elapsed })}</p>;
  }
  const minimumMs = minimumMinutes * 60_000;
  const reached = timer.recoveryElapsedMs >= minimumMs;
  const fraction = minimumMs === 0 ? 1 : Math.min(1, timer.recoveryElapsedMs / minimumMs);
  return (
    <div className="recovery-progress" data-testid="recovery-progress" data-reached={reached}>
      <p className="recovery-line">
        <strong>{t('discharge.recovery', { elapsed, minimum: minimumMinutes })}</strong>
        {' · '}
        {reached ? (
          <span className="ok">✓ {t('discharge.minimumReached')}</span>
        ) : waived ? (
          <span className="ok">✓ {t('discharge.minimumWaived')}</span>
        ) : (
          <span>{t('discharge.toGo', { remaining: formatDuration(minimumMs - timer.recoveryElapsedMs) })}</span>
        )}
      </p>
      <progress className={reached || waived ? 'recovery-bar recovery-bar-done' : 'recovery-bar'} max={1} value={fraction} aria-hidden="true" />
    </div>
  );
}
