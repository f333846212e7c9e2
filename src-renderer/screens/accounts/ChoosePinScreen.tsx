import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { FieldError } from '../../components/FieldError';
import { errorText } from '../../format/error-text';
import { fieldErrorText } from '../../format/field-error-text';
import { useAppStore } from '../../store/app-store';
import { call } from '../../transport/client';

/** After signing in with a one-time code: the user chooses their own PIN (main allows nothing else until then). */
export function ChoosePinScreen({ name }: { name: string }) {
  const { t } = useTranslation();
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
    const result = await call('auth/choosePin', { pin });
    setBusy(false);
    if (result.ok) useAppStore.getState().setAuth({ kind: 'signedIn', user: result.value });
    else setError(result.error);
  }

  async function signOut() {
    await call('auth/signOut', {});
    useAppStore.getState().setAuth({ kind: 'signedOut' });
  }

  const fieldError = (field: 'pin' | 'pinRepeat') => (error?.field === field ? (field === 'pinRepeat' ? error.message : fieldErrorText(t, error, t('choosePin.pin'))) : null);

  return (
    <main className="auth-screen">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="choose-pin-title" noValidate>
        <h1 id="choose-pin-title">{t('choosePin.title')}</h1>
        <p>{t('choosePin.intro', { name })}</p>
        <label>
          {t('choosePin.pin')}
          <input
            type="password"
            inputMode="numeric"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            autoComplete="new-password"
            autoFocus
            required
            aria-invalid={error?.field === 'pin'}
            aria-describedby="choose-pin-hint"
          />
        </label>
        <p id="choose-pin-hint" className="muted">
          {t('choosePin.hint')}
        </p>
        <FieldError id="choose-pin-error" text={fieldError('pin')} />
        <label>
          {t('choosePin.pinRepeat')}
          <input type="password" inputMode="numeric" value={pinRepeat} onChange={(e) => setPinRepeat(e.target.value)} autoComplete="new-password" required />
        </label>
        <FieldError id="choose-pinRepeat-error" text={fieldError('pinRepeat')} />
        {error && !error.field && (
          <p className="field-error" role="alert">
            {errorText(t, error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('choosePin.submit')}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t('choosePin.cancel')}
        </button>
      </form>
    </main>
  );
}
