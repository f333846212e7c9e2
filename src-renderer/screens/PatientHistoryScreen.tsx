import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { useAnswer } from '../hooks/use-answer';
import { useAppStore } from '../store/app-store';
import { call } from '../transport/client';
import { CourseChart } from '../course/CourseChart';
import { CourseSummary } from '../course/CourseSummary';
import { HistoryTable } from './history/HistoryTable';
import './admin.css';

/** A patient's course of treatment: every session main has for them, each opening its record. */
export function PatientHistoryScreen({ patientId }: { patientId: number }) {
  const { t } = useTranslation();
  const show = useAppStore((state) => state.show);
  const answer = useAnswer(() => call('patient/history', { patientId }), { of: [patientId] });
  const history = answer.value;
  const loadError = answer.error && t('history.loadFailed', { message: errorText(t, answer.error) });

  const back = (
    <button type="button" onClick={() => show({ kind: 'patients' })}>
      {t('history.back')}
    </button>
  );

  if (!history) {
    return (
      <main className="admin-screen" data-testid="history-screen">
        <div className="toolbar">{back}</div>
        {loadError ? (
          <p className="field-error" role="alert">
            {loadError}
          </p>
        ) : (
          <p className="muted">{t('history.loading')}</p>
        )}
      </main>
    );
  }

  const { patient, sessions } = history;
  return (
    <main className="admin-screen" data-testid="history-screen">
      <div className="toolbar">{back}</div>
      <header className="card history-header">
        <p className="history-kicker">{t('history.title')}</p>
        <h1>
          {patient.familyName}, {patient.givenName}
        </h1>
        <p className="muted">
          {t('history.patientLine', { mrn: patient.mrn, dob: patient.dateOfBirth, weight: patient.weightKg })} · {t('history.count', { count: sessions.length })}
        </p>
      </header>
      {sessions.length === 0 ? (
        <p className="empty">{t('history.none')}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="course-title">
            <h2 id="course-title">{t('course.chartTitle')}</h2>
            <CourseSummary sessions={sessions} />
            <CourseChart sessions={sessions} />
          </section>
          <div className="card table-card">
            <HistoryTable sessions={sessions} onOpen={(sessionId) => show({ kind: 'session', sessionId })} />
          </div>
        </>
      )}
    </main>
  );
}
