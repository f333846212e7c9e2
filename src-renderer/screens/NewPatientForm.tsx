import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEXES, type Patient } from '../../shared/domain/patient';
import type { AppError } from '../../shared/result';
import { FieldError } from '../components/FieldError';
import { FormFooter } from '../components/FormFooter';
import { errorText, fieldErrorOf } from '../format/error-text';
import { call } from '../transport/client';

const FIELDS = ['mrn', 'familyName', 'givenName', 'dateOfBirth', 'weightKg'] as const;
type Field = (typeof FIELDS)[number];

export function NewPatientForm({ onCreated, onCancel }: { onCreated(patient: Patient): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({ mrn: '', familyName: '', givenName: '', dateOfBirth: '', weightKg: '' });
  const [details, setDetails] = useState({ sex: '', heightCm: '', allergies: '' });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const weightKg = values.weightKg.trim() === '' ? Number.NaN : Number(values.weightKg);
    const result = await call('patient/create', {
      mrn: values.mrn,
      familyName: values.familyName,
      givenName: values.givenName,
      dateOfBirth: values.dateOfBirth,
      weightKg,
      ...(details.sex ? { sex: SEXES.find((sex) => sex === details.sex) } : {}),
      ...(details.heightCm.trim() ? { heightCm: Number(details.heightCm.replace(',', '.')) } : {}),
      ...(details.allergies.trim() ? { allergies: details.allergies.trim() } : {}),
    });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  }

  const heightError = fieldErrorOf(error, 'heightCm');
  const inputType: Record<Field, string> = { mrn: 'text', familyName: 'text', givenName: 'text', dateOfBirth: 'date', weightKg: 'number' };

  return (
    <form className="card new-patient" onSubmit={submit} aria-label={t('patients.new')}>
      <h2>{t('patients.new')}</h2>
      <div className="form-grid">
        {FIELDS.map((field, index) => {
          const fieldError = fieldErrorOf(error, field);
          return (
            <div key={field} className="form-field">
              <label htmlFor={`patient-${field}`}>{t(`patients.${field}`)}</label>
              <input
                id={`patient-${field}`}
                name={field}
                type={inputType[field]}
                step={field === 'weightKg' ? '0.1' : undefined}
                value={values[field]}
                autoFocus={index === 0}
                aria-invalid={fieldError !== null}
                aria-describedby={fieldError ? `patient-${field}-error` : undefined}
                onChange={(e) => setValues({ ...values, [field]: e.target.value })}
              />
              <FieldError id={`patient-${field}-error`} text={fieldError ? errorText(t, fieldError) : null} />
            </div>
          );
        })}
      </div>
      <div className="form-grid patient-details">
        <div className="form-field">
          <label htmlFor="patient-sex">{t('patientDetails.sex')}</label>
          <select id="patient-sex" value={details.sex} onChange={(e) => setDetails({ ...details, sex: e.target.value })}>
            <option value="">{t('patientDetails.sexUnknown')}</option>
            {SEXES.map((sex) => (
              <option key={sex} value={sex}>
                {t(`patientDetails.sexes.${sex}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="patient-heightCm">{t('patientDetails.heightCm')}</label>
          <input
            id="patient-heightCm"
            inputMode="decimal"
            value={details.heightCm}
            aria-invalid={heightError !== null}
            aria-describedby={heightError ? 'patient-heightCm-error' : undefined}
            onChange={(e) => setDetails({ ...details, heightCm: e.target.value })}
          />
          <FieldError id="patient-heightCm-error" text={heightError ? errorText(t, heightError) : null} />
        </div>
        <div className="form-field patient-allergies">
          <label htmlFor="patient-allergies">{t('patientDetails.allergies')}</label>
          <input id="patient-allergies" value={details.allergies} placeholder={t('patientDetails.allergiesPlaceholder')} onChange={(e) => setDetails({ ...details, allergies: e.target.value })} />
        </div>
      </div>
      <FormFooter
        error={error}
        showError={!FIELDS.includes(error?.field as Field) && error?.field !== 'heightCm'}
        submitLabel={t('patients.create')}
        cancelLabel={t('patients.cancel')}
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
