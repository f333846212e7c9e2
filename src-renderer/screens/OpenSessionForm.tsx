import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../shared/domain/patient';
import type { Protocol } from '../../shared/domain/protocol';
import type { Session } from '../../shared/domain/session';
import type { AppError } from '../../shared/result';
import { FieldError } from '../components/FieldError';
import { useAnswer } from '../hooks/use-answer';
import { errorText } from '../format/error-text';
import { formatFigure } from '../phases/format';
import '../phases/phases.css';
import { call } from '../transport/client';
import { ChairPicker, useClinicChairs } from './ChairPicker';

/** A session runs under a protocol (its dose becomes the first order, its duration the plan). */
export function OpenSessionForm({ patient, onOpened, onCancel }: { patient: Patient; onOpened(session: Session): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const [chair, setChair] = useState('');
  const chairs = useClinicChairs();
  const protocols = useAnswer(() => call('protocol/list', {}));
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [plannedMinutes, setPlannedMinutes] = useState('40');
  // The dose is computed from today's weight: the registered one is only offered, never assumed.
  const [weight, setWeight] = useState('');
  const [weightMissing, setWeightMissing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const list: Protocol[] = protocols.value ?? [];
  const protocol = list.find((p) => p.id === chosenId) ?? list[0] ?? null;
  // Without any protocol to choose the old planned-minutes field remains; with one, its duration is the plan.
  const withoutProtocol = protocols.settled && protocol === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!protocols.settled) return;
    const weightKg = Number(weight.trim().replace(',', '.'));
    if (weight.trim() === '' || !Number.isFinite(weightKg)) {
      setWeightMissing(true);
      return;
    }
    const planned = plannedMinutes.trim() === '' ? undefined : Number(plannedMinutes);
    const result = await call('session/create', {
      patientId: patient.id,
      chair,
      weightKg,
      ...(protocol ? { protocolId: protocol.id } : planned === undefined ? {} : { plannedInfusionMinutes: planned }),
    });
    if (result.ok) onOpened(result.value);
    else setError(result.error);
  }

  function optionText(p: Protocol): string {
    const summary = t(`openSession.summary.${p.orderKind}`, { dose: formatFigure(p.dosePerKg, i18n.language), minutes: p.durationMinutes });
    return t('openSession.protocolOption', { name: p.name, version: p.version, summary });
  }

  return (
    <form className="open-session" onSubmit={submit} aria-label={t('patients.openSession')}>
      <ChairPicker chairs={chairs} value={chair} onChange={setChair} />
      <label>
        {t('openSession.weightToday')}
        <input
          name="weightKg"
          inputMode="decimal"
          value={weight}
          placeholder={t('openSession.weightPlaceholder', { weight: patient.weightKg })}
          aria-invalid={weightMissing || error?.field === 'weightKg' ? true : undefined}
          aria-describedby="open-session-weight-error"
          onChange={(e) => {
            setWeight(e.target.value);
            setWeightMissing(false);
          }}
        />
      </label>
      <button type="button" onClick={() => setWeight(String(patient.weightKg))}>
        {t('openSession.useRegisteredWeight', { weight: patient.weightKg })}
      </button>
      <FieldError id="open-session-weight-error" text={weightMissing ? t('openSession.weightMissing', { weight: patient.weightKg }) : null} />
      {!protocols.settled && <span className="muted">{t('openSession.loadingProtocols')}</span>}
      {protocol && (
        <label>
          {t('openSession.protocol')}
          <select name="protocolId" value={protocol.id} onChange={(e) => setChosenId(Number(e.target.value))}>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {optionText(p)}
              </option>
            ))}
          </select>
        </label>
      )}
      {withoutProtocol && (
        <label>
          {t('patients.plannedMinutes')}
          <input type="number" min={1} value={plannedMinutes} onChange={(e) => setPlannedMinutes(e.target.value)} name="plannedInfusionMinutes" />
        </label>
      )}
      <button type="submit" className="primary" disabled={!protocols.settled || chair === ''}>
        {t('patients.startSession')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('patients.cancel')}
      </button>
      {protocols.error && <FieldError id="open-session-protocols" text={t('openSession.protocolsFailed', { message: errorText(t, protocols.error) })} />}
      {protocols.value !== null && protocols.value.length === 0 && <p className="muted">{t('openSession.noProtocols')}</p>}
      {error && <FieldError id="open-session-error" text={errorText(t, error)} />}
    </form>
  );
}
