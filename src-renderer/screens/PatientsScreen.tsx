import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { useAnswer } from '../hooks/use-answer';
import { useAppStore } from '../store/app-store';
import { refreshOpenSessions } from '../store/sync';
import { call } from '../transport/client';
import { NewPatientForm } from './NewPatientForm';
import { OpenSessionForm } from './OpenSessionForm';

export function PatientsScreen() {
  const { t } = useTranslation();
  const openSessions = useAppStore((state) => state.openSessions);
  const show = useAppStore((state) => state.show);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [openingFor, setOpeningFor] = useState<number | null>(null);

  const [reloads, setReloads] = useState(0);

  const answer = useAnswer(() => call('patient/list', { search }), { refresh: [search, reloads] });
  const patients = answer.value;

  return (
    <main className="patients-screen">
      <div className="toolbar">
        <h1>{t('patients.title')}</h1>
        <input
          type="search"
          className="search"
          autoFocus
          placeholder={t('patients.search')}
          aria-label={t('patients.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('patients.new')}
        </button>
      </div>
      {creating && (
        <NewPatientForm
          onCreated={(patient) => {
            setCreating(false);
            setSearch('');
            setOpeningFor(patient.id);
            setReloads((n) => n + 1);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {answer.error && (
        <p className="field-error" role="alert" data-testid="patients-load-error">
          {errorText(t, answer.error)}
        </p>
      )}
      {patients?.length === 0 && !creating && (
        <p className="empty" data-testid="patients-empty">
          {search.trim() ? t('patients.none') : t('patients.firstPatient', { button: t('patients.new') })}
        </p>
      )}
      <ul className="patient-list">
        {(patients ?? []).map((patient) => {
          const open = openSessions.find((summary) => summary.patient.id === patient.id);
          return (
            <li key={patient.id} className="card patient-row" data-testid={`patient-${patient.mrn}`}>
              <div className="patient-name">
                <strong>
                  {patient.familyName}, {patient.givenName}
                </strong>
                <span className="muted">{t('session.patientLine', { mrn: patient.mrn, dob: patient.dateOfBirth, weight: patient.weightKg })}</span>
              </div>
              <button
                type="button"
                className="history-button"
                aria-label={t('history.buttonLabel', { name: `${patient.familyName}, ${patient.givenName}` })}
                onClick={() => show({ kind: 'patientHistory', patientId: patient.id })}
              >
                {t('history.button')}
              </button>
              {open ? (
                <button type="button" onClick={() => show({ kind: 'session', sessionId: open.session.id })}>
                  {t('patients.inChair', { chair: open.session.chair })}
                </button>
              ) : openingFor === patient.id ? (
                <OpenSessionForm
                  patient={patient}
                  onOpened={(session) => {
                    setOpeningFor(null);
                    void refreshOpenSessions();
                    show({ kind: 'session', sessionId: session.id });
                  }}
                  onCancel={() => setOpeningFor(null)}
                />
              ) : (
                <button type="button" onClick={() => setOpeningFor(patient.id)}>
                  {t('patients.openSession')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </main>
  );
}
