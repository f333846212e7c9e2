import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveredNow } from '../../shared/clinical/dose';
import { formatClockTime } from '../format/time';
import { useSessionTimer, type SessionPanels } from '../store/session-selectors';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { call } from '../transport/client';

/**
 * The running pump: ordered and current rate, the estimated delivered volume and dose carried
 * forward each second from main's last figure (at the rate the pump was running then), when
 * the ordered volume runs in, rate changes.
 */
export function InfusionPanel({ detail }: { detail: SessionPanels }) {
  const { t } = useTranslation();
  const [rate, setRate] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  // Main judged this rate above the order's soft limit and the user may override it (a physician).
  const needsReason = error?.code === 'override_required';
  // Said after a change: the figure alone changing was no sign that main had taken it.
  const [saved, setSaved] = useState<{ rate: number; at: number } | null>(null);
  const nowAt = useSessionTimer(detail.session.id)?.nowAt;
  const { doseOrder } = detail;
  if (!doseOrder) return null;
  const delivered = detail.delivered && deliveredNow(detail.delivered, doseOrder.concentrationMgPerMl, doseOrder.volumeMl, Math.max(nowAt ?? 0, detail.delivered.asOf));
  const pumpPhase = detail.session.phase === 'infusing' || detail.session.phase === 'paused';
  const lastRateChange = [...detail.events].reverse().find((e) => e.retraction === null && e.event.kind === 'rateChange');
  const currentRate = lastRateChange && lastRateChange.event.kind === 'rateChange' ? lastRateChange.event.rateMlPerHour : doseOrder.rateMlPerHour;

  async function changeRate(event: FormEvent) {
    event.preventDefault();
    const rateMlPerHour = rate.trim() === '' ? Number.NaN : Number(rate);
    const result = await call('event/add', { sessionId: detail.session.id, event: { kind: 'rateChange', rateMlPerHour, ...(needsReason ? { overrideReason: reason.trim() } : {}) } });
    if (result.ok) {
      setSaved({ rate: rateMlPerHour, at: result.value.observedAt });
      changeRateText('');
    } else {
      setSaved(null);
      setError(result.error);
    }
  }

  // The reason belongs to the rate main judged; another rate is judged again.
  function changeRateText(text: string) {
    setRate(text);
    setReason('');
    setError(null);
  }

  return (
    <section className="card infusion-panel" aria-label={t('infusion.title')} data-testid="infusion-panel">
      <h2>{t('infusion.title')}</h2>
      <dl className="figures">
        <dt>{t('infusion.ordered')}</dt>
        <dd>{t('infusion.orderedValue', { mg: doseOrder.totalDoseMg, ml: doseOrder.volumeMl, rate: doseOrder.rateMlPerHour })}</dd>
        <dt>{t('infusion.currentRate')}</dt>
        {/* The set rate alone ("60 mL/h") read as a running pump while it was paused or stopped. */}
        <dd data-testid="current-rate" data-running={detail.session.phase === 'paused' ? 'false' : 'true'}>
          {detail.session.phase === 'paused' ? t('infusion.ratePaused', { rate: currentRate }) : t('infusion.rateValue', { rate: currentRate })}
        </dd>
        {delivered && (
          <>
            <dt>{t('infusion.delivered')}</dt>
            <dd data-testid="delivered">{t('infusion.deliveredValue', { ml: delivered.volumeMl, mg: delivered.doseMg, totalMg: doseOrder.totalDoseMg })}</dd>
          </>
        )}
        {delivered && pumpPhase && (
          <>
            <dt>{t('infusion.runsIn')}</dt>
            <dd data-testid="runs-in">
              {delivered.remainingMl === 0
                ? delivered.runsInAt === null
                  ? t('infusion.ranIn')
                  : t('infusion.ranInAt', { time: formatClockTime(delivered.runsInAt) })
                : delivered.runsInAt === null
                  ? t('infusion.notRunning', { ml: delivered.remainingMl })
                  : t('infusion.runsInAt', { time: formatClockTime(delivered.runsInAt), ml: delivered.remainingMl })}
            </dd>
          </>
        )}
      </dl>
      {(detail.session.phase === 'infusing' || detail.session.phase === 'paused') && (
        <form className="inline-form" onSubmit={changeRate}>
          <label>
            {t('infusion.newRate')}
            <input name="rateMlPerHour" inputMode="decimal" value={rate} onChange={(e) => changeRateText(e.target.value)} />
          </label>
          {needsReason && (
            <label>
              {t('infusion.overrideReason')}
              <input name="overrideReason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} autoFocus />
            </label>
          )}
          <button type="submit" className={needsReason ? 'primary' : undefined}>
            {needsReason ? t('infusion.changeRateOverride') : t('infusion.changeRate')}
          </button>
          {error && <span className="field-error">{errorText(t, error)}</span>}
          {saved && !error && (
            <span className="ok" role="status" data-testid="rate-saved">
              ✓ {t('infusion.rateSaved', { rate: saved.rate, time: formatClockTime(saved.at) })}
            </span>
          )}
        </form>
      )}
    </section>
  );
}
