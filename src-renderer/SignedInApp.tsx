// First: zod's setting for the CSP before any schema in this chunk is built (zod is not in the first bundle).
import './zod-config';
import { useCallback, useEffect } from 'react';
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
import { PhysicianScreen } from './physician/PhysicianScreen';
import { AuditScreen } from './screens/audit/AuditScreen';
import { PatientHistoryScreen } from './screens/PatientHistoryScreen';
import { ProtocolsScreen } from './screens/ProtocolsScreen';
import { RulesScreen } from './screens/RulesScreen';
import { SessionScreen } from './screens/SessionScreen';
import { UsersScreen } from './screens/UsersScreen';
import { ClinicSettingsScreen } from './clinic-settings/ClinicSettingsScreen';
import { ClinicReportScreen } from './record/ClinicReportScreen';
import { RecordScreen } from './record/RecordScreen';
import { RecordsScreen } from './record/RecordsScreen';
import { BackupsScreen } from './screens/backups/BackupsScreen';
import { MonitorsScreen } from './monitors-admin/MonitorsScreen';
import { mayCall, mayChart, usableView } from './store/access';
import { useAppStore, type View } from './store/app-store';
import { useMonitorStore } from './store/monitor-store';
import { refreshOpenSessions } from './store/sync';
import { call } from './transport/client';
import { WorkstationSettings } from './workstation/WorkstationSettings';
import { LockScreen } from './lock/LockScreen';
import { UserControls } from './lock/UserControls';

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

/**
 * Everything after sign-in: the header with the chairs, and the chosen screen. One chunk,
 * loaded lazily by App.tsx (fetched while the sign-in screen is up), so the first screen
 * does not wait for the chart library or any screen behind it.
 */
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
      {user && locked ? <LockScreen user={user} /> : <CurrentView view={shown} />}
    </div>
  );
}
