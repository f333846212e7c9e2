import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/FieldError';
import { fieldErrorText } from '../format/field-error-text';
import { call } from '../transport/client';
import { NewPinFields, useNewPinForm } from './accounts/new-pin';

export function SetupScreen() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const form = useNewPinForm((pin) => call('auth/setup', { username, displayName, pin }));
  const { error } = form;
  const fieldError = (field: 'displayName' | 'username') => (error?.field === field ? fieldErrorText(t, error, t(`setup.${field}`)) : null);

  return (
    <main className="auth-screen">
      <form className="card auth-card" onSubmit={form.submit} aria-labelledby="setup-title">
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
        <NewPinFields form={form} idPrefix="setup" pinLabel={t('setup.pin')} repeatLabel={t('setup.pinRepeat')} />
        <button type="submit" className="primary" disabled={form.busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
