import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../shared/domain/patient';
import type { Session } from '../../shared/domain/session';
import type { AppError } from '../../shared/result';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { call } from '../transport/client';

export function OpenSessionForm({ patient, onOpened, onCancel }: { patient: Patient; onOpened(session: Session): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [chair, setChair] = useState('');
  const [plannedMinutes, setPlannedMinutes] = useState('40');
  const [error, setError] = useState<AppError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const planned = plannedMinutes.trim() === '' ? undefined : Number(plannedMinutes);
    const result = await call('session/create', {
      patientId: patient.id,
      chair,
      ...(planned === undefined ? {} : { plannedInfusionMinutes: planned }),
    });
    if (result.ok) onOpened(result.value);
    else setError(result.error);
  }

  return (
    <form className="open-session" onSubmit={submit} aria-label={t('patients.openSession')}>
      <label>
        {t('patients.chair')}
        <input value={chair} placeholder={t('patients.chairPlaceholder')} onChange={(e) => setChair(e.target.value)} autoFocus name="chair" />
      </label>
      <label>
        {t('patients.plannedMinutes')}
        <input type="number" min={1} value={plannedMinutes} onChange={(e) => setPlannedMinutes(e.target.value)} name="plannedInfusionMinutes" />
      </label>
      <button type="submit" className="primary">
        {t('patients.startSession')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('patients.cancel')}
      </button>
      {error && <FieldError id="open-session-error" text={errorText(t, error)} />}
    </form>
  );
}
