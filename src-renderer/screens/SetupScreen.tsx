import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { fieldErrorText } from '../format/field-error-text';
import { useAppStore } from '../store/app-store';
import { call } from '../transport/client';

export function SetupScreen() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [pin, setPin] = useState('');
  const [pinRepeat, setPinRepeat] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pin !== pinRepeat) {
      setError({ code: 'invalid_request', message: t('setup.pinMismatch'), field: 'pinRepeat' });
      return;
    }
    setBusy(true);
    const result = await call('auth/setup', { username, displayName, pin });
    setBusy(false);
    if (result.ok) useAppStore.getState().setAuth({ kind: 'signedIn', user: result.value });
    else setError(result.error);
  }

  const fieldError = (field: string) => (error?.field === field ? (field === 'pinRepeat' ? error.message : fieldErrorText(t, error, t(`setup.${field}`))) : null);

  return (
    <main className="auth-screen">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <label>
          {t('setup.displayName')}
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoFocus required maxLength={100} />
        </label>
        <FieldError id="setup-displayName-error" text={fieldError('displayName')} />
        <label>
          {t('setup.username')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
        </label>
        <FieldError id="setup-username-error" text={fieldError('username')} />
        <label>
          {t('setup.pin')}
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="new-password" required />
        </label>
        <FieldError id="setup-pin-error" text={fieldError('pin')} />
        <label>
          {t('setup.pinRepeat')}
          <input type="password" inputMode="numeric" value={pinRepeat} onChange={(e) => setPinRepeat(e.target.value)} autoComplete="new-password" required />
        </label>
        <FieldError id="setup-pinRepeat-error" text={fieldError('pinRepeat')} />
        {error && !error.field && <p className="field-error" role="alert">{errorText(t, error)}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
