import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/domain/alert';
import { errorText } from '../format/error-text';
import { formatDuration, timeBeside } from '../format/time';
import { focusNextEntry } from '../hooks/focus-next-entry';
import { useServerNow } from '../hooks/use-server-now';
import { call } from '../transport/client';

type Mode = 'none' | 'acknowledge' | 'resolve';

/**
 * After acknowledging, pausing or resolving, the button pressed is gone: focus goes to where the
 * nurse types next (the new reading's HR), or on the physician's queue to the next alert still
 * to acknowledge, never to the page body.
 */
const focusAfterAlertAction = () => focusNextEntry('.alert-ack-button');

/** Acknowledge (with an optional note), pause the audio, or resolve by hand with a reason: three separate acts. */
export function AlertActions({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const [mode, setMode] = useState<Mode>('none');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const paused = alert.audioPausedUntil !== null && alert.audioPausedUntil > now;

  async function submit() {
    const result =
      mode === 'acknowledge'
        ? await call('alert/acknowledge', { alertId: alert.id, ...(text.trim() ? { note: text.trim() } : {}) })
        : await call('alert/resolve', { alertId: alert.id, reason: text });
    if (!result.ok) {
      setError(errorText(t, result.error));
      return;
    }
    setMode('none');
    setText('');
    setError(null);
    focusAfterAlertAction();
  }

  async function pauseAudio() {
    const result = await call('alert/audioPause', { alertId: alert.id });
    if (!result.ok) setError(errorText(t, result.error));
    else focusAfterAlertAction();
  }

  if (mode !== 'none') {
    return (
      <form
        className="alert-ack-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <input
          aria-label={mode === 'acknowledge' ? t('alerts.acknowledgeNote') : t('alerts.resolveReason')}
          placeholder={mode === 'acknowledge' ? t('alerts.acknowledgeNote') : t('alerts.resolveReason')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
        <button type="submit">{mode === 'acknowledge' ? t('alerts.acknowledge') : t('alerts.resolve')}</button>
        <button
          type="button"
          onClick={() => {
            setMode('none');
            focusAfterAlertAction();
          }}
        >
          {t('session.cancel')}
        </button>
        {error && <span className="field-error">{error}</span>}
      </form>
    );
  }

  return (
    <span className="alert-actions">
      {alert.acknowledgedAt !== null ? (
        <span className="alert-ack" data-testid="alert-acknowledged">
          {t('alerts.acknowledgedBy', { name: alert.acknowledgedByName, ...timeBeside(alert.acknowledgedAt, alert.raisedAt) })}
          {alert.acknowledgeNote && <> — “{alert.acknowledgeNote}”</>}
        </span>
      ) : (
        <>
          <button type="button" className="alert-ack-button" onClick={() => setMode('acknowledge')}>
            {t('alerts.acknowledge')}
          </button>
          {paused ? (
            <span className="alert-paused" data-testid="audio-paused">
              {t('alerts.audioPausedFor', { left: formatDuration((alert.audioPausedUntil ?? now) - now) })}
            </span>
          ) : (
            <button type="button" onClick={() => void pauseAudio()}>
              {t('alerts.audioPause')}
            </button>
          )}
        </>
      )}
      <button type="button" className="link" onClick={() => setMode('resolve')}>
        {t('alerts.resolve')}
      </button>
      {error && <span className="field-error">{error}</span>}
    </span>
  );
}
