import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInScreen } from './screens/SignInScreen';
import { useAppStore } from './store/app-store';

// The first screen (sign-in) is in the initial bundle; everything after it (the screens, the
// chart library) is one chunk (issue 10: first screen < 500 ms), fetched as soon as the first
// screen is up. One chunk rather than one per screen: a screen that suspended while it
// loaded would leave the one before it in place, and a screen shown again must mount afresh.
const loadSignedInApp = () => import('./SignedInApp');
const SignedInApp = lazy(() => loadSignedInApp().then((m) => ({ default: m.SignedInApp })));
const SetupScreen = lazy(() => import('./screens/SetupScreen').then((m) => ({ default: m.SetupScreen })));
const ChoosePinScreen = lazy(() => import('./screens/accounts/ChoosePinScreen').then((m) => ({ default: m.ChoosePinScreen })));

/** Starts fetching the signed-in screens while the nurse types the PIN (called once the first screen is shown). */
export function preloadSignedInApp(): void {
  void loadSignedInApp();
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
      {link === 'reconnecting' && (
        <div className="link-lost reconnecting" role="alert" data-testid="link-reconnecting">
          {t('app.reconnecting')}
        </div>
      )}
      {auth.kind === 'loading' && <main className="auth-screen">{t('app.loading')}</main>}
      {auth.kind === 'signedOut' && <SignInScreen />}
      <Suspense fallback={<main className="auth-screen">{t('app.loading')}</main>}>
        {auth.kind === 'setup' && <SetupScreen />}
        {auth.kind === 'choosePin' && <ChoosePinScreen name={auth.user.displayName} />}
        {auth.kind === 'signedIn' && <SignedInApp />}
      </Suspense>
    </>
  );
}
