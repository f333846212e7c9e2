import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { DueChecks } from '../../shared/clinical/due-checks';
import type { Session } from '../../shared/domain/session';
import { useTranslation } from 'react-i18next';
import { isCurrentReading } from '../../shared/domain/reading';
import { AlertBanner } from '../components/AlertBanner';
import { CadssForm } from '../components/CadssForm';
import { DueChecksPanel } from '../components/DueChecksPanel';
import { EarlierAlerts } from '../components/EarlierAlerts';
import { EventsBar } from '../components/EventsBar';
import { EventsList } from '../components/EventsList';
import { InfusionPanel } from '../components/InfusionPanel';
import { PhaseActions } from '../components/PhaseActions';
import { ReadingForm } from '../components/ReadingForm';
import { ReadingsTable } from '../components/ReadingsTable';
import { SessionRulesPanel } from '../components/SessionRulesPanel';
import { TimerPanel } from '../components/TimerPanel';
import { VitalsChart } from '../components/VitalsChart';
import { CHART_HEIGHT_PX } from '../components/vitals-chart-series';
import { HeldMessages } from '../monitor/HeldMessages';
import { MonitorStatus } from '../monitor/MonitorStatus';
import { ValidateAll } from '../monitor/ValidateAll';
import { ClosePanel } from '../phases/ClosePanel';
import { DischargePanel } from '../phases/DischargePanel';
import { ScreeningPanel } from '../phases/ScreeningPanel';
import { RecordScreen } from '../record/RecordScreen';
import { useAfterPaint, useEarlierAlerts, useSessionAlerts, useSessionPanels, useSessionReadings, useSessionTimer, usePaintedOnce, type SessionPanels } from '../store/session-selectors';
import { loadOlderReadings, loadSession, serverNow } from '../store/sync';
import { prefetchSessionTrend, useSessionTrend } from '../hooks/use-session-trend';
import { useServerDay } from '../hooks/use-server-day';
import { useSessionRules } from './rules/use-session-rules';

/** Phases in which the nurse still charts readings and events at the chair. */
const CHARTING_PHASES = ['screening', 'infusing', 'paused', 'recovery'] as const;

// A pushed reading changes the screen's due checks (the next vitals due), so the screen re-renders per
// reading: the parts whose own props stay as they were (a session id, a chair) skip it.
const StableReadingForm = memo(ReadingForm);
const StableHeldMessages = memo(HeldMessages);
const StableRulesPanel = memo(SessionRulesPanel);
const StableEventsBar = memo(EventsBar);
const StableMonitorStatus = memo(MonitorStatus);

/** The once-a-second timer figures: the only part of the screen the tick re-renders. */
function LiveTimerPanel({ sessionId, minimumRecoveryMinutes }: { sessionId: number; minimumRecoveryMinutes: number | null }) {
  const timer = useSessionTimer(sessionId);
  return timer ? <TimerPanel timer={timer} minimumRecoveryMinutes={minimumRecoveryMinutes} /> : null;
}

function LiveDueChecksPanel({ sessionId, dueChecks }: { sessionId: number; dueChecks: DueChecks }) {
  const nowAt = useSessionTimer(sessionId)?.nowAt;
  return nowAt === undefined ? null : <DueChecksPanel dueChecks={dueChecks} nowAt={nowAt} />;
}

/** The banner: subscribed to the session's alerts and rows directly, so an alert paints before anything slower. */
const SessionAlerts = memo(function SessionAlerts({ sessionId }: { sessionId: number }) {
  const alerts = useSessionAlerts(sessionId);
  const { readings } = useSessionReadings(sessionId);
  return <AlertBanner alerts={alerts} readings={readings} />;
});

/** The trend: redrawn after the frame that shows a pushed reading's alert. */
const SessionTrend = memo(function SessionTrend({ sessionId, session }: { sessionId: number; session: Session }) {
  const { t } = useTranslation();
  const { readings, readingCount } = useAfterPaint(useSessionReadings(sessionId));
  const current = useMemo(() => readings.filter(isCurrentReading), [readings]);
  const needsTrend = readings.length < readingCount;
  const trend = useSessionTrend(sessionId, needsTrend);
  const rules = useSessionRules(sessionId, session).view?.effectiveRules;
  // Drawn once, when what it draws has come: not first from the newest rows and again with main's trend.
  const ready = usePaintedOnce() && (!needsTrend || trend !== null);
  return (
    <section className="card">
      <h2>{t('session.chartTitle')}</h2>
      {ready ? <VitalsChart readings={current} trend={trend} rules={rules} /> : <div className="vitals-chart-pending" style={{ height: CHART_HEIGHT_PX }} />}
    </section>
  );
});

/**
 * The table (newest first, virtualised). Its rows are drawn at once, in the frame with the
 * reading's alert: the nurse's Enter shows its row. Behind the trend's after-paint transition
 * the row waited for the chart (transitions pending together commit together): 150-250 ms with
 * 20 monitors feeding, ~30 ms without the wait; a virtualised table's render is a few ms.
 */
const SessionReadings = memo(function SessionReadings({ sessionId, charting }: { sessionId: number; charting: boolean }) {
  const { t } = useTranslation();
  const { readings, readingCount } = useSessionReadings(sessionId);
  const alerts = useAfterPaint(useSessionAlerts(sessionId));
  const needOlder = useCallback(() => void loadOlderReadings(sessionId), [sessionId]);
  // Made once per session, so the memoised table is not re-rendered by it.
  const marksNote = useMemo(() => <EarlierAlerts sessionId={sessionId} where="marks" />, [sessionId]);
  // A date string: the memoised table and its rows re-render when the day changes, not each second.
  const today = useServerDay();
  const ready = usePaintedOnce();
  return (
    <section className="card">
      <h2>
        {t('session.readingsTitle')} {charting && <ValidateAll readings={readings} />}
      </h2>
      {ready && <ReadingsTable readings={readings} alerts={alerts} canEdit={charting} hasOlder={readings.length < readingCount} onNeedOlder={needOlder} marksNote={marksNote} day={today} />}
    </section>
  );
});

const SessionTimeline = memo(function SessionTimeline({ sessionId, events, phaseEvents, charting }: { sessionId: number; events: SessionPanels['events']; phaseEvents: SessionPanels['phaseEvents']; charting: boolean }) {
  const { t } = useTranslation();
  const alerts = useSessionAlerts(sessionId);
  const earlier = useEarlierAlerts(sessionId);
  const earlierAlerts = useMemo(() => earlier && { raisedBefore: earlier.raisedBefore, node: <EarlierAlerts sessionId={sessionId} where="timeline" /> }, [earlier, sessionId]);
  const today = useServerDay();
  return (
    <section className="card">
      <h2>{t('events.timeline')}</h2>
      <EventsList events={events} phaseEvents={phaseEvents} alerts={alerts} canRetract={charting} earlierAlerts={earlierAlerts} day={today} />
    </section>
  );
});

/**
 * A session's chair screen. Each part subscribes to what it shows: a pushed reading
 * re-renders the banner at once, the trend and the table after that frame, and neither the
 * header nor the side panels unless their own figures changed.
 */
export function SessionScreen({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const detail = useSessionPanels(sessionId);
  const [cadssOpen, setCadssOpen] = useState(false);
  const openCadss = useCallback(() => setCadssOpen(true), []);

  useEffect(() => {
    void loadSession(sessionId);
    prefetchSessionTrend(sessionId);
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
            {patient.familyName}, {patient.givenName} <span className="chair-badge">{session.chair}</span> <StableMonitorStatus chair={session.chair} />
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
        <LiveTimerPanel sessionId={sessionId} minimumRecoveryMinutes={detail.protocol?.minimumRecoveryMinutes ?? null} />
        <PhaseActions detail={detail} />
      </header>
      <SessionAlerts sessionId={sessionId} />
      <div className="session-columns">
        <div className="session-main">
          {charting && <StableReadingForm key={sessionId} sessionId={sessionId} serverNow={serverNow} onCadss={openCadss} />}
          {charting && cadssOpen && <CadssForm sessionId={sessionId} onDone={() => setCadssOpen(false)} />}
          <SessionTrend sessionId={sessionId} session={session} />
          <SessionReadings sessionId={sessionId} charting={charting} />
        </div>
        <aside className="session-side">
          {charting && <StableHeldMessages sessionId={sessionId} chair={session.chair} />}
          {phase === 'screening' && <ScreeningPanel detail={detail} />}
          {(phase === 'infusing' || phase === 'paused' || phase === 'recovery') && <LiveDueChecksPanel sessionId={sessionId} dueChecks={detail.dueChecks} />}
          {(phase === 'infusing' || phase === 'paused') && <InfusionPanel detail={detail} />}
          {phase === 'recovery' && <DischargePanel detail={detail} />}
          {phase === 'discharged' && <ClosePanel detail={detail} />}
          <StableRulesPanel sessionId={sessionId} />
          {charting && <StableEventsBar sessionId={sessionId} />}
          <SessionTimeline sessionId={sessionId} events={detail.events} phaseEvents={detail.phaseEvents} charting={charting} />
        </aside>
      </div>
    </main>
  );
}
