import { useTranslation } from 'react-i18next';
import type { SessionTimer } from '../../shared/domain/session';
import { formatDuration } from '../format/time';

/** The session clock exactly as main derived it from stored timestamps. */
export function TimerPanel({ timer, minimumRecoveryMinutes }: { timer: SessionTimer; minimumRecoveryMinutes: number | null }) {
  const { t } = useTranslation();
  const remaining = timer.infusionRemainingMs;
  return (
    <div className="timer-panel" data-testid="timer-panel">
      <div className="timer">
        <span className="timer-label">{t('session.timer.infusion')}</span>
        <span className="timer-value" data-testid="infusion-elapsed">
          {timer.infusionStartedAt === null ? t('session.timer.notStarted') : formatDuration(timer.infusionElapsedMs)}
        </span>
      </div>
      {remaining !== null && timer.infusionStartedAt !== null && timer.infusionEndedAt === null && (
        <div className={`timer ${remaining < 0 ? 'timer-over' : ''}`}>
          <span className="timer-label">{remaining < 0 ? t('session.timer.over') : t('session.timer.remaining')}</span>
          <span className="timer-value" data-testid="infusion-remaining">
            {formatDuration(Math.abs(remaining))}
          </span>
        </div>
      )}
      {timer.recoveryStartedAt !== null && (
        <div className="timer">
          <span className="timer-label">{t('session.timer.recovery')}</span>
          <span className="timer-value" data-testid="recovery-elapsed">
            {formatDuration(timer.recoveryElapsedMs)}
          </span>
          {minimumRecoveryMinutes !== null && (
            <span className={timer.recoveryElapsedMs >= minimumRecoveryMinutes * 60_000 ? 'timer-sub ok' : 'timer-sub'} data-testid="recovery-minimum">
              {t('session.timer.ofMinimum', { minutes: minimumRecoveryMinutes })}
            </span>
          )}
        </div>
      )}
      <div className="timer">
        <span className="timer-label">{t('session.timer.total')}</span>
        <span className="timer-value" data-testid="total-elapsed">
          {formatDuration(timer.totalElapsedMs)}
        </span>
      </div>
    </div>
  );
}
