import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface YesNoItemProps {
  /** The radio group's name; unique in the form. */
  name: string;
  label: string;
  value: boolean | undefined;
  onChange(value: boolean): void;
  /** Shown once the nurse tried to save with this item unanswered. */
  missing: boolean;
  testId: string;
}

/**
 * One explicit Yes/No answer, nothing preselected. Native radios give the keyboard its
 * usual behaviour: Tab reaches the pair, arrow keys or Space choose.
 */
export function YesNoItem({ name, label, value, onChange, missing, testId }: YesNoItemProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const state = value === undefined ? 'unanswered' : value ? 'yes' : 'no';
  return (
    <div role="radiogroup" aria-labelledby={labelId} aria-invalid={missing ? true : undefined} className={`yes-no yes-no-${state}`} data-testid={testId} data-answer={state}>
      <span id={labelId} className="yes-no-label">
        {value === true && (
          <span className="yes-no-flag" aria-hidden="true">
            !!{' '}
          </span>
        )}
        {label}
        {missing && <span className="yes-no-missing"> — {t('screening.notAnswered')}</span>}
      </span>
      <label className="choice">
        <input type="radio" name={name} value="yes" checked={value === true} onChange={() => onChange(true)} />
        {t('screening.yes')}
      </label>
      <label className="choice">
        <input type="radio" name={name} value="no" checked={value === false} onChange={() => onChange(false)} />
        {t('screening.no')}
      </label>
    </div>
  );
}
