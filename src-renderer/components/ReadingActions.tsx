import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { Reading, ReadingValues } from '../../shared/domain/reading';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { formatValue, parameterShort, unitOf } from '../format/parameters';
import { focusNextEntry } from '../hooks/focus-next-entry';
import { call } from '../transport/client';
import { FORM_PARAMETERS } from './ReadingForm';
import { isUnvalidatedMonitorValue } from '../monitor/MonitorBadge';
import { ValidateButton } from '../monitor/ValidateButton';

export type ReadingEditMode = 'closed' | 'correct' | 'artifact' | 'clearArtifact';

/** The row's own actions: validate a monitor value, correct, mark or unmark as an artifact. */
export function ReadingActionButtons({ reading, mode, onOpen }: { reading: Reading; mode: ReadingEditMode; onOpen: (mode: ReadingEditMode) => void }) {
  const { t } = useTranslation();
  const artifactMode: ReadingEditMode = reading.artifact ? 'clearArtifact' : 'artifact';
  return (
    <td className="row-actions">
      {isUnvalidatedMonitorValue(reading) && <ValidateButton readingIds={[reading.id]} label={t('monitor.validate')} />}
      {!reading.artifact && (
        <button type="button" className="link" aria-expanded={mode === 'correct'} onClick={() => onOpen('correct')}>
          {t('correction.correct')}
        </button>
      )}
      <button type="button" className="link" aria-expanded={mode === artifactMode} onClick={() => onOpen(artifactMode)}>
        {reading.artifact ? t('correction.clearArtifact') : t('correction.markArtifact')}
      </button>
    </td>
  );
}

/**
 * Correct a reading (a new version with a reason) or mark it as an artifact; nothing is
 * edited in place. Drawn as its own row under the reading, across the whole table, so the
 * fields, the reason and Save stay in view at 1280 px (inside the row's last cell the form
 * made the table wider than its card and pushed Save out of sight).
 */
export function ReadingEditRow({ reading, mode, colSpan, onClose }: { reading: Reading; mode: Exclude<ReadingEditMode, 'closed'>; colSpan: number; onClose: () => void }) {
  const { t } = useTranslation();
  // The MAP is recomputed from the corrected pressures unless the cuff gave one.
  const [values, setValues] = useState<Partial<Record<VitalParameter, string>>>(() =>
    mode === 'correct'
      ? Object.fromEntries(FORM_PARAMETERS.filter((p) => !(p === 'meanArterialMmHg' && reading.mapSource === 'computed')).map((p) => [p, formatValue(p, reading.values[p])]))
      : {},
  );
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState<VitalParameter[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  function close() {
    onClose();
    focusNextEntry();
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
      if (result.ok) close();
      else {
        if (result.error.code === 'needs_confirmation' && result.error.field?.startsWith('values.')) {
          setConfirmed([...confirmed, result.error.field.slice(7) as VitalParameter]);
        }
        setError(result.error);
      }
      return;
    }
    const result = await call('reading/annotate', { readingId: reading.id, kind: mode === 'artifact' ? 'artifact' : 'artifactCleared', reason });
    if (result.ok) close();
    else setError(result.error);
  }

  return (
    <tr className="row-form-row" data-testid="reading-edit">
      <td colSpan={colSpan} className="row-form">
        <form className="inline-form" onSubmit={submit} aria-label={t(`correction.${mode}Title`)}>
          {mode === 'correct' &&
            FORM_PARAMETERS.map((p, index) => (
              <label key={p} className="reading-field compact">
                <span>
                  {parameterShort(t, p)} <small>{unitOf(p)}</small>
                </span>
                <input name={p} inputMode="decimal" value={values[p] ?? ''} onChange={(e) => setValues({ ...values, [p]: e.target.value })} autoFocus={index === 0} />
              </label>
            ))}
          <label className="grow">
            {t('correction.reason')}
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus={mode !== 'correct'} />
          </label>
          <button type="submit" className="primary">
            {t(`correction.${mode}Submit`)}
          </button>
          <button type="button" onClick={close}>
            {t('session.cancel')}
          </button>
          {error && <span className="field-error">{errorText(t, error)}</span>}
        </form>
      </td>
    </tr>
  );
}
