import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DueChecks } from '../../shared/clinical/due-checks';
import type { SessionTimer } from '../../shared/domain/session';
import { useTranslation } from 'react-i18next';
import { isCurrentReading } from '../../shared/domain/reading';
import { AlertBanner } from '../components/AlertBanner';
import { CadssForm } from '../components/CadssForm';
import { DueChecksPanel } from '../components/DueChecksPanel';
import { EventsBar } from '../components/EventsBar';
import { EventsList } from '../components/EventsList';
import { InfusionPanel } from '../components/InfusionPanel';
import { PhaseActions } from '../components/PhaseActions';
import { ReadingForm } from '../components/ReadingForm';
import { ReadingsTable } from '../components/ReadingsTable';
import { SessionRulesPanel } from '../components/SessionRulesPanel';
import { TimerPanel } from '../components/TimerPanel';
import { VitalsChart } from '../components/VitalsChart';
import { HeldMessages } from '../monitor/HeldMessages';
import { MonitorStatus } from '../monitor/MonitorStatus';
import { ValidateAll } from '../monitor/ValidateAll';
import { ClosePanel } from '../phases/ClosePanel';
import { DischargePanel } from '../phases/DischargePanel';
import { ScreeningPanel } from '../phases/ScreeningPanel';
import { RecordScreen } from '../record/RecordScreen';
import { useAppStore } from '../store/app-store';
import { loadOlderReadings, loadSession, serverNow } from '../store/sync';
import { useSessionTrend } from '../hooks/use-session-trend';
import { useSessionRules } from './rules/use-session-rules';

/** Phases in which the nurse still charts readings and events at the chair. */
const CHARTING_PHASES = ['screening', 'infusing', 'paused', 'recovery'] as const;

/** The once-a-second timer figures: the only part of the screen the tick re-renders. */
function LiveTimerPanel({ sessionId, fallback, minimumRecoveryMinutes }: { sessionId: number; fallback: SessionTimer; minimumRecoveryMinutes: number | null }) {
  const timer = useAppStore((state) => state.timers[sessionId]) ?? fallback;
  return <TimerPanel timer={timer} minimumRecoveryMinutes={minimumRecoveryMinutes} />;
}

function LiveDueChecksPanel({ sessionId, dueChecks, fallbackNowAt }: { sessionId: number; dueChecks: DueChecks; fallbackNowAt: number }) {
  const nowAt = useAppStore((state) => state.timers[sessionId]?.nowAt) ?? fallbackNowAt;
  return <DueChecksPanel dueChecks={dueChecks} nowAt={nowAt} />;
}

export function SessionScreen({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const detail = useAppStore((state) => state.details[sessionId]);
  const [cadssOpen, setCadssOpen] = useState(false);
  const readings = detail?.readings;
  const current = useMemo(() => (readings ?? []).filter(isCurrentReading), [readings]);
  const incomplete = detail !== undefined && detail.readings.length < detail.readingCount;
  const trend = useSessionTrend(sessionId, incomplete);
  const rules = useSessionRules(sessionId, detail?.session).view?.effectiveRules;
  const needOlder = useCallback(() => void loadOlderReadings(sessionId), [sessionId]);

  useEffect(() => {
    void loadSession(sessionId);
  }, [sessionId]);

  if (!detail) return <main className="session-screen">{t('app.loading')}</main>;
  const { session, patient } = detail;
  const phase = session.phase;
  // A signed or aborted session no longer charts: it opens as its whole record.
  if (phase === 'closed' || phase === 'aborted') return <RecordScreen key={`${sessionId}-${phase}`} sessionId={sessionId} />;
  const charting = (CHARTING_PHASES as readonly string[]).includes(phase);

  return (
    <main className="session-screen" data-testid="session-screen" data-phase={phase}>
      <header className="session-header card">
        <div>
          <h1>
            {patient.familyName}, {patient.givenName} <span className="chair-badge">{session.chair}</span> <MonitorStatus chair={session.chair} />
          </h1>
          <p className="muted">
            {t('session.patientLine', { mrn: patient.mrn, dob: patient.dateOfBirth, weight: session.weightKg })}
            {detail.protocol && <> · {t('session.protocolLine', { name: detail.protocol.name, version: detail.protocol.version })}</>}
            {patient.sex && <> · {t(`patientDetails.sexes.${patient.sex}`)}</>}
            {patient.heightCm !== null && <> · {t('patientDetails.heightLine', { height: patient.heightCm })}</>}
          </p>
          <p className={patient.allergies ? 'allergies allergies-known' : 'allergies muted'} data-testid="patient-allergies">
            {patient.allergies ? t('patientDetails.allergiesLine', { allergies: patient.allergies }) : t('patientDetails.noAllergiesRecorded')}
          </p>
        </div>
        <span className={`phase-badge phase-${phase}`} data-testid="phase">
          {t(`session.phase.${phase}`)}
        </span>
        <LiveTimerPanel sessionId={sessionId} fallback={detail.timer} minimumRecoveryMinutes={detail.protocol?.minimumRecoveryMinutes ?? null} />
        <PhaseActions detail={detail} />
      </header>
      <AlertBanner alerts={detail.alerts} readings={detail.readings} />
      <div className="session-columns">
        <div className="session-main">
          {charting && <ReadingForm key={sessionId} sessionId={sessionId} serverNow={serverNow} onCadss={() => setCadssOpen(true)} />}
          {charting && cadssOpen && <CadssForm sessionId={sessionId} onDone={() => setCadssOpen(false)} />}
          <section className="card">
            <h2>{t('session.chartTitle')}</h2>
            <VitalsChart readings={current} trend={trend} rules={rules} />
          </section>
          <section className="card">
            <h2>
              {t('session.readingsTitle')} {charting && <ValidateAll readings={detail.readings} />}
            </h2>
            <ReadingsTable readings={detail.readings} alerts={detail.alerts} canEdit={charting} hasOlder={incomplete} onNeedOlder={needOlder} />
          </section>
        </div>
        <aside className="session-side">
          {charting && <HeldMessages sessionId={sessionId} chair={session.chair} />}
          {phase === 'screening' && <ScreeningPanel detail={detail} />}
          {(phase === 'infusing' || phase === 'paused' || phase === 'recovery') && <LiveDueChecksPanel sessionId={sessionId} dueChecks={detail.dueChecks} fallbackNowAt={detail.timer.nowAt} />}
          {(phase === 'infusing' || phase === 'paused') && <InfusionPanel detail={detail} />}
          {phase === 'recovery' && <DischargePanel detail={detail} />}
          {phase === 'discharged' && <ClosePanel detail={detail} />}
          <SessionRulesPanel sessionId={sessionId} />
          {charting && <EventsBar sessionId={sessionId} />}
          <section className="card">
            <h2>{t('events.timeline')}</h2>
            <EventsList events={detail.events} phaseEvents={detail.phaseEvents} alerts={detail.alerts} canRetract={charting} />
          </section>
        </aside>
      </div>
    </main>
  );
}
