import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { ReadingValues } from '../../shared/domain/reading';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { parameterShort, parameterLabel, unitOf } from '../format/parameters';
import { formatClockTime } from '../format/time';
import { call } from '../transport/client';
import { observedAtFromTimeOfDay } from './observed-time';

/** Tab order of the form: what the nurse reads off the monitor, left to right. */
export const FORM_PARAMETERS: readonly VitalParameter[] = [
  'heartRateBpm',
  'systolicMmHg',
  'diastolicMmHg',
  'meanArterialMmHg',
  'spo2Pct',
  'respiratoryRatePerMin',
  'moaasScore',
  'dissociationLevel',
  'etco2MmHg',
  'temperatureC',
];

type Draft = Partial<Record<VitalParameter, string>>;

type Status = { kind: 'idle' } | { kind: 'saved'; at: number } | { kind: 'error'; error: AppError } | { kind: 'confirm'; error: AppError; parameter: VitalParameter };

/**
 * One form, one Enter: Tab through the values the monitor shows, Enter commits. Main answers
 * only after the reading is committed; the form clears only then.
 */
export function ReadingForm({ sessionId, serverNow, onCadss }: { sessionId: number; serverNow: () => number; onCadss(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({});
  const [observedTime, setObservedTime] = useState('');
  const [confirmed, setConfirmed] = useState<VitalParameter[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);

  function focusField(field: string | undefined) {
    const name = field?.split('.').at(-1);
    const input = name ? form.current?.querySelector<HTMLInputElement>(`[name="${name}"]`) : null;
    (input ?? firstField.current)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const values: ReadingValues = {};
    for (const parameter of FORM_PARAMETERS) {
      const text = draft[parameter]?.trim().replace(',', '.');
      if (text) values[parameter] = Number(text);
    }
    const observedAt = observedTime ? observedAtFromTimeOfDay(observedTime, serverNow()) : undefined;
    const pendingConfirm = status.kind === 'confirm' ? [status.parameter] : [];
    const toConfirm = [...new Set([...confirmed, ...pendingConfirm])];
    setBusy(true);
    const result = await call('reading/add', { sessionId, values, confirmed: toConfirm, ...(observedAt === undefined ? {} : { observedAt }) });
    setBusy(false);
    if (result.ok) {
      setDraft({});
      setObservedTime('');
      setConfirmed([]);
      setStatus({ kind: 'saved', at: result.value.reading.recordedAt });
      firstField.current?.focus();
      return;
    }
    const error = result.error;
    const parameter = error.field?.startsWith('values.') ? (error.field.slice(7) as VitalParameter) : null;
    if (error.code === 'needs_confirmation' && parameter) {
      setConfirmed(toConfirm);
      setStatus({ kind: 'confirm', error, parameter });
      focusField(error.field);
      return;
    }
    setStatus({ kind: 'error', error });
    focusField(error.field);
  }

  function change(parameter: VitalParameter, text: string) {
    setDraft({ ...draft, [parameter]: text });
    setConfirmed(confirmed.filter((p) => p !== parameter));
    if (status.kind !== 'idle') setStatus({ kind: 'idle' });
  }

  const invalidField = status.kind === 'error' || status.kind === 'confirm' ? status.error.field?.split('.').at(-1) : undefined;

  return (
    <form ref={form} className="card reading-form" onSubmit={submit} aria-label={t('reading.formTitle')} data-testid="reading-form">
      <h2>{t('reading.formTitle')}</h2>
      <div className="reading-fields">
        {FORM_PARAMETERS.map((parameter, index) => (
          <label key={parameter} className="reading-field" title={parameterLabel(t, parameter)}>
            <span>
              {parameterShort(t, parameter)} <small>{unitOf(parameter)}</small>
            </span>
            <input
              ref={index === 0 ? firstField : undefined}
              name={parameter}
              inputMode="decimal"
              autoComplete="off"
              aria-label={parameterLabel(t, parameter)}
              aria-invalid={invalidField === parameter}
              value={draft[parameter] ?? ''}
              onChange={(e) => change(parameter, e.target.value)}
              autoFocus={index === 0}
              data-next-entry={index === 0 ? 'reading' : undefined}
            />
          </label>
        ))}
        <label className="reading-field observed">
          <span>{t('reading.observedAt')}</span>
          <input
            name="observedAt"
            type="time"
            aria-label={t('reading.observedAt')}
            aria-invalid={invalidField === 'observedAt'}
            value={observedTime}
            placeholder={t('reading.observedNow')}
            onChange={(e) => setObservedTime(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('reading.save')}
        </button>
        <button type="button" onClick={onCadss}>
          {t('cadss.open')}
        </button>
      </div>
      <p className="form-status" role="status" aria-live="polite" data-testid="reading-status">
        {status.kind === 'saved' && <span className="ok">✓ {t('reading.saved', { time: formatClockTime(status.at) })}</span>}
        {status.kind === 'confirm' && (
          <span className="warn">
            {t('reading.confirmPrompt', {
              parameter: parameterLabel(t, status.parameter),
              value: status.error.params?.value,
              unit: status.error.params?.unit,
              min: status.error.params?.min,
              max: status.error.params?.max,
            })}
          </span>
        )}
        {status.kind === 'error' && (
          <span className="field-error">
            {status.error.code === 'connection_lost' ? t('reading.maybeSaved') : t('reading.notSaved', { message: errorText(t, status.error) })}
          </span>
        )}
      </p>
    </form>
  );
}
