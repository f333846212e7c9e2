import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/app-store';
import { call } from '../../transport/client';
import { NewPinFields, useNewPinForm } from './new-pin';

/** After signing in with a one-time code: the user chooses their own PIN (main allows nothing else until then). */
export function ChoosePinScreen({ name }: { name: string }) {
  const { t } = useTranslation();
  const form = useNewPinForm((pin) => call('auth/choosePin', { pin }));

  async function signOut() {
    await call('auth/signOut', {});
    useAppStore.getState().setAuth({ kind: 'signedOut' });
  }

  return (
    <main className="auth-screen">
      <form className="card auth-card" onSubmit={form.submit} aria-labelledby="choose-pin-title" noValidate>
        <h1 id="choose-pin-title">{t('choosePin.title')}</h1>
        <p>{t('choosePin.intro', { name })}</p>
        <NewPinFields form={form} idPrefix="choose" pinLabel={t('choosePin.pin')} repeatLabel={t('choosePin.pinRepeat')} hint={t('choosePin.hint')} autoFocus />
        <button type="submit" className="primary" disabled={form.busy}>
          {t('choosePin.submit')}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t('choosePin.cancel')}
        </button>
      </form>
    </main>
  );
}
