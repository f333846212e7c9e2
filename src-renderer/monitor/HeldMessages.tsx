import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldMessage } from '../../shared/domain/monitor';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { summarizeValues } from '../format/parameters';
import { formatClockTime } from '../format/time';
import { call } from '../transport/client';
import { useMonitorStore } from '../store/monitor-store';

/**
 * Monitor messages Vigil kept but could not place (unknown monitor, no open session at its
 * chair, another patient's id): the nurse puts them into this session, or discards them
 * with a reason. Nothing from a monitor is dropped silently.
 */
export function HeldMessages({ sessionId, chair }: { sessionId: number; chair: string }) {
  const { t } = useTranslation();
  const held = useMonitorStore((state) => state.held);
  const [discarding, setDiscarding] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const wanted = chair.toLocaleLowerCase();
  // Held for this chair, or from a monitor no chair claims yet.
  const relevant = held.filter((m) => m.chair === null || m.chair.toLocaleLowerCase() === wanted);
  if (relevant.length === 0) return null;

  async function assign(message: HeldMessage) {
    const result = await call('monitor/assign', { messageId: message.id, sessionId });
    setError(result.ok ? null : result.error);
  }

  async function discard(messageId: number) {
    const result = await call('monitor/discard', { messageId, reason });
    if (result.ok) {
      setDiscarding(null);
      setReason('');
    }
    setError(result.ok ? null : result.error);
  }

  return (
    <section className="card held-messages" data-testid="held-messages">
      <h2>{t('monitor.heldTitle', { count: relevant.length })}</h2>
      <p className="muted">{t('monitor.heldHint')}</p>
      {error && <p className="form-error" role="alert">{errorText(t, error)}</p>}
      <ul>
        {relevant.map((message) => (
          <li key={message.id} data-testid="held-message">
            <strong>{t(`monitor.holdReason.${message.holdReason}`)}</strong> · {message.deviceId} · {formatClockTime(message.receivedAt)}
            {message.patientName && <> · {t('monitor.heldPatient', { name: message.patientName, id: message.patientId ?? '' })}</>}
            <div className="muted">{message.readings.map((r) => summarizeValues(t, r.values)).join(' · ')}</div>
            {discarding === message.id ? (
              <form
                className="inline-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void discard(message.id);
                }}
              >
                <label>
                  {t('monitor.discardReason')} <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
                </label>
                <button type="submit">{t('monitor.discard')}</button>
                <button type="button" className="link" onClick={() => setDiscarding(null)}>
                  {t('monitor.cancel')}
                </button>
              </form>
            ) : (
              <div className="row-actions">
                <button type="button" onClick={() => void assign(message)}>
                  {t('monitor.assignHere', { chair })}
                </button>
                <button type="button" className="link" onClick={() => setDiscarding(message.id)}>
                  {t('monitor.discard')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
