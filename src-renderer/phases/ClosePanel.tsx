import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionAlerts, useSessionTimer, type SessionPanels } from '../store/session-selectors';
import type { AppError } from '../../shared/result';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { useAppStore } from '../store/app-store';
import { loadSession } from '../store/sync';
import { call } from '../transport/client';
import { SessionSummary } from './SessionSummary';
import './phases.css';

/** Closing is a signature: the summary the signer vouches for, then their PIN, checked again by main. */
export function ClosePanel({ detail }: { detail: SessionPanels }) {
  const { t } = useTranslation();
  const sessionId = detail.session.id;
  const timer = useSessionTimer(sessionId);
  const alerts = useSessionAlerts(sessionId);
  const signer = useAppStore((state) => (state.auth.kind === 'signedIn' ? state.auth.user.displayName : ''));
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);
  const message = localError ?? (error ? errorText(t, error) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (pin.trim() === '') {
      setLocalError(t('close.enterPin'));
      pinInput.current?.focus();
      return;
    }
    setLocalError(null);
    setBusy(true);
    const result = await call('session/transition', { sessionId, action: 'close', pin });
    setBusy(false);
    // A PIN is never kept on screen, right or wrong.
    setPin('');
    if (!result.ok) {
      setError(result.error);
      pinInput.current?.focus();
      return;
    }
    setError(null);
    await loadSession(sessionId);
  }

  if (!timer) return null;
  return (
    <section className="card phase-panel" aria-label={t('close.title')} data-testid="close-panel">
      <h2>{t('close.title')}</h2>
      <SessionSummary detail={detail} alerts={alerts} timer={timer} />
      {detail.signedByName ? (
        <p className="ok" data-testid="close-signed-by">
          ✓ {t('close.signedBy', { name: detail.signedByName })}
        </p>
      ) : (
        <form className="close-form" onSubmit={submit} aria-label={t('close.title')}>
          <p className="phase-meta">{t('close.explain', { name: signer })}</p>
          <div className="phase-inline">
            <label>
              {t('close.pin')}
              <input
                ref={pinInput}
                data-next-entry="signature"
                type="password"
                name="pin"
                inputMode="numeric"
                autoComplete="off"
                maxLength={64}
                value={pin}
                onChange={(e) => setPin(e.target.value)}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? 'close-error' : undefined}
              />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {t('close.submit')}
            </button>
          </div>
          <FieldError id="close-error" text={message} />
        </form>
      )}
    </section>
  );
}
