import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/FieldError';
import { isIsoDay } from '../format/time';
import { useServerDay } from '../hooks/use-server-day';

/** A day as typed: a full yyyy-mm-dd's worth of characters, or left, before it is judged. */
const ISO_DAY_LENGTH = 10;

/**
 * A day typed as Vigil writes every date (2026-11-23). Not `<input type="date">`: Chromium shows
 * that in the workstation's locale (11/23/2026 on an en-US machine) whatever the page's `lang`.
 * The list follows only a whole, real day (or an empty field: no limit); anything else keeps
 * the last one and says how to write it.
 */
function DayField({ label, value, onChange, testId }: { label: string; value: string; onChange(value: string): void; testId: string }) {
  const { t } = useTranslation();
  const today = useServerDay();
  const errorId = useId();
  const [text, setText] = useState(value);
  const [left, setLeft] = useState(false);
  const wrong = text !== '' && !isIsoDay(text) && (left || text.length >= ISO_DAY_LENGTH);
  return (
    <div className="day-field">
      <label>
        {label}
        <input
          type="text"
          autoComplete="off"
          maxLength={ISO_DAY_LENGTH}
          placeholder={t('dayField.placeholder')}
          value={text}
          aria-invalid={wrong}
          aria-describedby={wrong ? errorId : undefined}
          onChange={(e) => {
            const typed = e.target.value.trim();
            setText(typed);
            setLeft(false);
            if (typed === '' || isIsoDay(typed)) onChange(typed);
          }}
          onBlur={() => setLeft(true)}
          data-testid={testId}
        />
      </label>
      <FieldError id={errorId} text={wrong ? t('dayField.invalid', { example: today, kept: value || t('dayField.noLimit') }) : null} />
    </div>
  );
}

/** "From" and "To" days (yyyy-mm-dd, both days included) for the records list and the clinic report. */
export function DateRangeFields({ from, to, onFrom, onTo, testIdPrefix }: { from: string; to: string; onFrom(value: string): void; onTo(value: string): void; testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DayField label={t('records.from')} value={from} onChange={onFrom} testId={`${testIdPrefix}-from`} />
      <DayField label={t('records.to')} value={to} onChange={onTo} testId={`${testIdPrefix}-to`} />
    </>
  );
}
