import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_PHASES } from '../../shared/domain/phase';
import { AlertBanner } from '../components/AlertBanner';
import { PhaseActions } from '../components/PhaseActions';
import { ReadingForm } from '../components/ReadingForm';
import { ReadingsTable } from '../components/ReadingsTable';
import { TimerPanel } from '../components/TimerPanel';
import { VitalsChart } from '../components/VitalsChart';
import { useAppStore } from '../store/app-store';
import { loadSession, serverNow } from '../store/sync';

export function SessionScreen({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const detail = useAppStore((state) => state.details[sessionId]);
  const timer = useAppStore((state) => state.timers[sessionId]);

  useEffect(() => {
    void loadSession(sessionId);
  }, [sessionId]);

  if (!detail) return <main className="session-screen">{t('app.loading')}</main>;
  const { session, patient } = detail;
  const canChart = OPEN_PHASES.includes(session.phase) && session.phase !== 'discharged';

  return (
    <main className="session-screen" data-testid="session-screen" data-phase={session.phase}>
      <header className="session-header card">
        <div>
          <h1>
            {patient.familyName}, {patient.givenName} <span className="chair-badge">{session.chair}</span>
          </h1>
          <p className="muted">{t('session.patientLine', { mrn: patient.mrn, dob: patient.dateOfBirth, weight: session.weightKg })}</p>
        </div>
        <span className={`phase-badge phase-${session.phase}`} data-testid="phase">
          {t(`session.phase.${session.phase}`)}
        </span>
        <TimerPanel timer={timer ?? detail.timer} />
        <PhaseActions detail={detail} />
      </header>
      <AlertBanner alerts={detail.alerts} />
      {canChart && <ReadingForm key={sessionId} sessionId={sessionId} serverNow={serverNow} />}
      <section className="card">
        <h2>{t('session.chartTitle')}</h2>
        <VitalsChart readings={detail.readings} />
      </section>
      <section className="card">
        <h2>{t('session.readingsTitle')}</h2>
        <ReadingsTable readings={detail.readings} alerts={detail.alerts} />
      </section>
    </main>
  );
}
