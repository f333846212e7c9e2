import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ChairTabs } from './components/ChairTabs';
import { useDigitShortcuts } from './hooks/use-keyboard-shortcuts';
import { PatientsScreen } from './screens/PatientsScreen';
import { SessionScreen } from './screens/SessionScreen';
import { SetupScreen } from './screens/SetupScreen';
import { SignInScreen } from './screens/SignInScreen';
import { useAppStore } from './store/app-store';
import { refreshOpenSessions } from './store/sync';
import { call } from './transport/client';

function SignedInApp() {
  const { t } = useTranslation();
  const auth = useAppStore((state) => state.auth);
  const view = useAppStore((state) => state.view);
  const show = useAppStore((state) => state.show);

  useEffect(() => {
    void refreshOpenSessions();
  }, []);

  const onDigit = useCallback(
    (digit: number) => {
      if (digit === 0) {
        show({ kind: 'patients' });
        return;
      }
      const summary = useAppStore.getState().openSessions[digit - 1];
      if (summary) show({ kind: 'session', sessionId: summary.session.id });
    },
    [show],
  );
  useDigitShortcuts(onDigit);

  async function signOut() {
    await call('auth/signOut', {});
    useAppStore.getState().reset();
    useAppStore.getState().setAuth({ kind: 'signedOut' });
  }

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <ChairTabs />
        <span className="user">
          {auth.kind === 'signedIn' && t('app.signedInAs', { name: auth.user.displayName })}
          <button type="button" onClick={() => void signOut()}>
            {t('app.signOut')}
          </button>
        </span>
      </header>
      {view.kind === 'patients' ? <PatientsScreen /> : <SessionScreen key={view.sessionId} sessionId={view.sessionId} />}
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const link = useAppStore((state) => state.link);
  const auth = useAppStore((state) => state.auth);

  return (
    <>
      {link === 'closed' && (
        <div className="link-lost" role="alert" data-testid="link-lost">
          {t('app.linkLost')}
        </div>
      )}
      {auth.kind === 'loading' && <main className="auth-screen">{t('app.loading')}</main>}
      {auth.kind === 'setup' && <SetupScreen />}
      {auth.kind === 'signedOut' && <SignInScreen />}
      {auth.kind === 'signedIn' && <SignedInApp />}
    </>
  );
}
