import { lazy, Suspense, useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminNav } from './components/AdminNav';
import { AlarmStatus } from './components/AlarmStatus';
import { DesktopNotifier } from './components/DesktopNotifier';
import { SystemNotices } from './components/SystemNotices';
import { loadActiveAlerts, useAlertsStore } from './store/alerts-store';
import { ChairTabs } from './components/ChairTabs';
import { RecordWarning } from './components/RecordWarning';
import { useDigitShortcuts } from './hooks/use-keyboard-shortcuts';
import { PatientsScreen } from './screens/PatientsScreen';
import { mayCall, mayChart, usableView } from './store/access';
import { useAppStore, type View } from './store/app-store';
import { useMonitorStore } from './store/monitor-store';
import { refreshOpenSessions } from './store/sync';
import { call } from './transport/client';
import { WorkstationSettings } from './workstation/WorkstationSettings';
import { LockScreen } from './lock/LockScreen';
import { UserControls } from './lock/UserControls';

// Every screen but the home screen (Patients) is its own chunk, loaded when first shown:
// the chart library and the admin and record screens stay out of what sign-in waits for.
const SessionScreen = lazy(() => import('./screens/SessionScreen').then((m) => ({ default: m.SessionScreen })));
const PhysicianScreen = lazy(() => import('./physician/PhysicianScreen').then((m) => ({ default: m.PhysicianScreen })));
const UsersScreen = lazy(() => import('./screens/UsersScreen').then((m) => ({ default: m.UsersScreen })));
const AuditScreen = lazy(() => import('./screens/audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const BackupsScreen = lazy(() => import('./screens/backups/BackupsScreen').then((m) => ({ default: m.BackupsScreen })));
const ProtocolsScreen = lazy(() => import('./screens/ProtocolsScreen').then((m) => ({ default: m.ProtocolsScreen })));
const RulesScreen = lazy(() => import('./screens/RulesScreen').then((m) => ({ default: m.RulesScreen })));
const PatientHistoryScreen = lazy(() => import('./screens/PatientHistoryScreen').then((m) => ({ default: m.PatientHistoryScreen })));
const RecordsScreen = lazy(() => import('./record/RecordsScreen').then((m) => ({ default: m.RecordsScreen })));
const RecordScreen = lazy(() => import('./record/RecordScreen').then((m) => ({ default: m.RecordScreen })));
const ClinicReportScreen = lazy(() => import('./record/ClinicReportScreen').then((m) => ({ default: m.ClinicReportScreen })));
const ClinicSettingsScreen = lazy(() => import('./clinic-settings/ClinicSettingsScreen').then((m) => ({ default: m.ClinicSettingsScreen })));
const MonitorsScreen = lazy(() => import('./monitors-admin/MonitorsScreen').then((m) => ({ default: m.MonitorsScreen })));

function CurrentView({ view }: { view: View }) {
  switch (view.kind) {
    case 'patients':
      return <PatientsScreen />;
    case 'session':
      return <SessionScreen key={view.sessionId} sessionId={view.sessionId} />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'backups':
      return <BackupsScreen />;
    case 'protocols':
      return <ProtocolsScreen />;
    case 'rules':
      return <RulesScreen />;
    case 'physician':
      return <PhysicianScreen />;
    case 'patientHistory':
      return <PatientHistoryScreen key={view.patientId} patientId={view.patientId} />;
    case 'records':
      return <RecordsScreen />;
    case 'record':
      return <RecordScreen key={view.sessionId} sessionId={view.sessionId} />;
    case 'clinicReport':
      return <ClinicReportScreen />;
    case 'clinicSettings':
      return <ClinicSettingsScreen />;
    case 'monitors':
      return <MonitorsScreen />;
  }
}

/** Everything after sign-in: the header with the chairs, and the chosen screen. */
export function SignedInApp() {
  const { t } = useTranslation();
  const auth = useAppStore((state) => state.auth);
  const view = useAppStore((state) => state.view);
  const show = useAppStore((state) => state.show);
  const user = auth.kind === 'signedIn' ? auth.user : null;
  const locked = useAppStore((state) => state.locked);
  // An administrator without a clinical role cannot use patients or sessions (main refuses them).
  const clinical = mayChart(user);
  const shown = usableView(user, view);

  useEffect(() => {
    if (!clinical || locked) return;
    void refreshOpenSessions();
    void loadActiveAlerts();
    void useMonitorStore.getState().refresh();
  }, [clinical, locked]);

  const onDigit = useCallback(
    (digit: number) => {
      if (useAppStore.getState().locked) return;
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
    useAlertsStore.getState().clear();
    useAppStore.getState().setAuth({ kind: 'signedOut' });
  }

  return (
    <div className="app">
      <header className="app-header">
        {/* Top bar: who and what is sounding; the tabs below get the whole width for the chairs. */}
        <div className="app-bar">
          <span className="brand">{t('app.name')}</span>
          {clinical && <AlarmStatus />}
          {clinical && <DesktopNotifier />}
          <span className="app-bar-end">
            <WorkstationSettings folded />
            {user && !locked && <UserControls user={user} onSignOut={() => void signOut()} />}
            {user && locked && (
              <span className="user">
                <button type="button" onClick={() => void signOut()}>
                  {t('app.signOut')}
                </button>
              </span>
            )}
          </span>
        </div>
        {!locked && (
          <div className="app-tabs">
            {clinical && <ChairTabs />}
            {clinical && (
              <button
                type="button"
                className={`admin-nav-link physician-nav ${shown.kind === 'physician' ? 'current' : ''}`}
                aria-current={shown.kind === 'physician' ? 'page' : undefined}
                onClick={() => show({ kind: 'physician' })}
                data-testid="nav-physician"
              >
                {t('physician.nav')}
              </button>
            )}
            <AdminNav view={shown} folded={clinical} />
          </div>
        )}
      </header>
      {user && !locked && mayCall(user, 'audit/status') && <RecordWarning />}
      {clinical && <SystemNotices />}
      {/* The lock screen replaces the view, which stays chosen: the chair and screen come back on unlock. */}
      {user && locked ? (
        <LockScreen user={user} />
      ) : (
        <Suspense fallback={<main className="screen-loading">{t('app.loading')}</main>}>
          <CurrentView view={shown} />
        </Suspense>
      )}
    </div>
  );
}
