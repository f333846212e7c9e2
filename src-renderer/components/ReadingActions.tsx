import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { Reading, ReadingValues } from '../../shared/domain/reading';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { formatValue, parameterShort } from '../format/parameters';
import { call } from '../transport/client';
import { FORM_PARAMETERS } from './ReadingForm';
import { isUnvalidatedMonitorValue } from '../monitor/MonitorBadge';
import { ValidateButton } from '../monitor/ValidateButton';

type Mode = 'closed' | 'correct' | 'artifact' | 'clearArtifact';

/** Correct a reading (a new version with a reason) or mark it as an artifact; nothing is edited in place. */
export function ReadingActions({ reading, colSpan }: { reading: Reading; colSpan: number }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('closed');
  const [values, setValues] = useState<Partial<Record<VitalParameter, string>>>({});
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState<VitalParameter[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  function open(next: Mode) {
    setMode(next);
    setReason('');
    setError(null);
    setConfirmed([]);
    if (next === 'correct') {
      // The MAP is recomputed from the corrected pressures unless the cuff gave one.
      setValues(
        Object.fromEntries(
          FORM_PARAMETERS.filter((p) => !(p === 'meanArterialMmHg' && reading.mapSource === 'computed')).map((p) => [p, formatValue(p, reading.values[p])]),
        ),
      );
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'correct') {
      const corrected: ReadingValues = {};
      for (const p of FORM_PARAMETERS) {
        const text = values[p]?.trim().replace(',', '.');
        if (text) corrected[p] = Number(text);
      }
      const result = await call('reading/correct', { readingId: reading.id, values: corrected, reason, confirmed });
      if (result.ok) setMode('closed');
      else {
        if (result.error.code === 'needs_confirmation' && result.error.field?.startsWith('values.')) {
          setConfirmed([...confirmed, result.error.field.slice(7) as VitalParameter]);
        }
        setError(result.error);
      }
      return;
    }
    const result = await call('reading/annotate', { readingId: reading.id, kind: mode === 'artifact' ? 'artifact' : 'artifactCleared', reason });
    if (result.ok) setMode('closed');
    else setError(result.error);
  }

  if (mode === 'closed') {
    return (
      <td className="row-actions">
        {isUnvalidatedMonitorValue(reading) && <ValidateButton readingIds={[reading.id]} label={t('monitor.validate')} />}
        {!reading.artifact && (
          <button type="button" className="link" onClick={() => open('correct')}>
            {t('correction.correct')}
          </button>
        )}
        <button type="button" className="link" onClick={() => open(reading.artifact ? 'clearArtifact' : 'artifact')}>
          {reading.artifact ? t('correction.clearArtifact') : t('correction.markArtifact')}
        </button>
      </td>
    );
  }

  return (
    <td colSpan={colSpan} className="row-form">
      <form className="inline-form" onSubmit={submit} aria-label={t(`correction.${mode}Title`)}>
        {mode === 'correct' &&
          FORM_PARAMETERS.map((p) => (
            <label key={p} className="reading-field compact">
              {parameterShort(t, p)}
              <input name={p} inputMode="decimal" value={values[p] ?? ''} onChange={(e) => setValues({ ...values, [p]: e.target.value })} />
            </label>
          ))}
        <label className="grow">
          {t('correction.reason')}
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus={mode !== 'correct'} />
        </label>
        <button type="submit" className="primary">
          {t(`correction.${mode}Submit`)}
        </button>
        <button type="button" onClick={() => setMode('closed')}>
          {t('session.cancel')}
        </button>
        {error && <span className="field-error">{errorText(t, error)}</span>}
      </form>
    </td>
  );
}
