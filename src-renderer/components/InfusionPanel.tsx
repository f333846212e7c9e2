import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionPanels } from '../store/session-selectors';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { call } from '../transport/client';

/** The running pump: ordered and current rate, estimated delivered volume and dose, rate changes. */
export function InfusionPanel({ detail }: { detail: SessionPanels }) {
  const { t } = useTranslation();
  const [rate, setRate] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const { doseOrder, delivered } = detail;
  if (!doseOrder) return null;
  const lastRateChange = [...detail.events].reverse().find((e) => e.retraction === null && e.event.kind === 'rateChange');
  const currentRate = lastRateChange && lastRateChange.event.kind === 'rateChange' ? lastRateChange.event.rateMlPerHour : doseOrder.rateMlPerHour;

  async function changeRate(event: FormEvent) {
    event.preventDefault();
    const result = await call('event/add', { sessionId: detail.session.id, event: { kind: 'rateChange', rateMlPerHour: rate.trim() === '' ? Number.NaN : Number(rate) } });
    if (result.ok) {
      setRate('');
      setError(null);
    } else setError(result.error);
  }

  return (
    <section className="card infusion-panel" aria-label={t('infusion.title')} data-testid="infusion-panel">
      <h2>{t('infusion.title')}</h2>
      <dl className="figures">
        <dt>{t('infusion.ordered')}</dt>
        <dd>{t('infusion.orderedValue', { mg: doseOrder.totalDoseMg, ml: doseOrder.volumeMl, rate: doseOrder.rateMlPerHour })}</dd>
        <dt>{t('infusion.currentRate')}</dt>
        <dd data-testid="current-rate">{t('infusion.rateValue', { rate: currentRate })}</dd>
        {delivered && (
          <>
            <dt>{t('infusion.delivered')}</dt>
            <dd data-testid="delivered">{t('infusion.deliveredValue', { ml: delivered.volumeMl, mg: delivered.doseMg, totalMg: doseOrder.totalDoseMg })}</dd>
          </>
        )}
      </dl>
      {(detail.session.phase === 'infusing' || detail.session.phase === 'paused') && (
        <form className="inline-form" onSubmit={changeRate}>
          <label>
            {t('infusion.newRate')}
            <input name="rateMlPerHour" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
          </label>
          <button type="submit">{t('infusion.changeRate')}</button>
          {error && <span className="field-error">{errorText(t, error)}</span>}
        </form>
      )}
    </section>
  );
}
