import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/FieldError';
import type { RuleChange } from './rule-diff';
import { RuleDiff } from './RuleDiff';

interface Props {
  changes: readonly RuleChange[];
  reason: string;
  reasonError: string | null;
  formError: string | null;
  busy: boolean;
  onReason(reason: string): void;
  onSave(): void;
  onCancel(): void;
}

/** The difference against the set in force, the reason (required by main), and Save. */
export function RulesReview({ changes, reason, reasonError, formError, busy, onReason, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave();
  }
  return (
    <form className="card rules-review" onSubmit={submit} noValidate aria-labelledby="rules-review-title" data-testid="rules-review">
      <h2 id="rules-review-title">{t('rules.review.title')}</h2>
      <RuleDiff changes={changes} />
      <p className="muted rules-review-note">{t('rules.review.reevaluated')}</p>
      <div className="form-field rules-reason">
        <label htmlFor="rules-reason">{t('rules.review.reason')}</label>
        <textarea
          id="rules-reason"
          value={reason}
          maxLength={500}
          rows={2}
          aria-invalid={reasonError !== null}
          aria-describedby={reasonError ? 'rules-reason-error' : undefined}
          onChange={(event) => onReason(event.target.value)}
        />
        <FieldError id="rules-reason-error" text={reasonError} />
      </div>
      {formError && (
        <p className="field-error" role="alert" data-testid="rules-form-error">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || changes.length === 0}>
          {t('rules.review.save', { count: changes.length })}
        </button>
        <button type="button" onClick={onCancel}>
          {t('rules.review.cancel')}
        </button>
      </div>
    </form>
  );
}
