import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { useAppStore } from '../store/app-store';
import { call } from '../transport/client';
import { WorkstationSettings } from '../workstation/WorkstationSettings';
import { RestoreNoticeBanner } from './backups/RestoreNoticeBanner';
import { useRestoreNotice } from './backups/restore-notice';

export function SignInScreen() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('auth/signIn', { username, pin });
    setBusy(false);
    setPin('');
    if (result.ok) {
      useRestoreNotice.getState().clear();
      const { mustChoosePin, ...user } = result.value;
      useAppStore.getState().setAuth({ kind: mustChoosePin ? 'choosePin' : 'signedIn', user });
    }
    else setError(result.error);
  }

  return (
    <main className="auth-screen">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="signin-title">
        <WorkstationSettings />
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <RestoreNoticeBanner />
        <label>
          {t('signIn.username')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus required />
        </label>
        <label>
          {t('signIn.pin')}
          <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="current-password" required />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {errorText(t, error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
