import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { call } from '../transport/client';
import { applyAuthStatus } from './auth-status';

/**
 * Username and PIN for a quick switch, or the PIN alone when the person is known (unlocking,
 * handing back): one Enter. Main checks the PIN and decides who this window's user is.
 */
export function PinForm({ username: fixedUsername, submitLabel, testId, onDone }: { username?: string; submitLabel: string; testId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const pinField = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('auth/switchUser', { username: fixedUsername ?? username, pin });
    setBusy(false);
    setPin('');
    if (!result.ok) {
      setError(result.error);
      pinField.current?.focus();
      return;
    }
    setError(null);
    applyAuthStatus(result.value);
    onDone?.();
  }

  return (
    <form className="pin-form" onSubmit={submit} data-testid={testId}>
      {fixedUsername === undefined && (
        <label>
          {t('lock.username')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus required />
        </label>
      )}
      <label>
        {t('lock.pin')}
        <input ref={pinField} aria-describedby={error ? `${testId}-error` : undefined} type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="current-password" autoFocus={fixedUsername !== undefined} required />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      <FieldError id={`${testId}-error`} text={error && errorText(t, error)} />
    </form>
  );
}
