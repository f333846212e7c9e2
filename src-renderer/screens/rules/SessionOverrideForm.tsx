import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertRule } from '../../../shared/clinical/alert-rules';
import type { RuleSetView } from '../../../shared/domain/alert-rules-view';
import { FieldError } from '../../components/FieldError';
import { call } from '../../transport/client';
import { ConditionInputs } from './ConditionInputs';
import { PrioritySelect } from './PrioritySelect';
import { ruleDiffers } from './rule-diff';
import { draftOf, ruleOf, type RuleDraft } from './rule-draft';
import { NO_ERRORS, placeErrors, type PlacedErrors } from './rule-field-errors';
import type { SessionRuleRow } from './session-rules';

type Mode = 'change' | 'off' | 'restore';

interface Props {
  sessionId: number;
  row: SessionRuleRow;
  onSaved(view: RuleSetView): void;
  onCancel(): void;
}

/** A physician's change to one rule for this session only: another limit or priority, switched off, or back to the set's rule; always with a reason. */
export function SessionOverrideForm({ sessionId, row, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const startFrom: AlertRule | null = row.effective ?? row.base;
  const [mode, setMode] = useState<Mode>('change');
  const [draft, setDraft] = useState<RuleDraft | null>(() => (startFrom ? draftOf(startFrom, `session-${row.id}`) : null));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const modes: Mode[] = ['change', ...(row.state !== 'off' ? (['off'] as const) : []), ...(row.state !== 'asSet' && row.base ? (['restore'] as const) : [])];
  const unchanged = mode === 'change' && draft !== null && row.effective !== null && !ruleDiffers(row.effective, ruleOf(draft));
  const idPrefix = `session-rule-${row.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    // Back to the set's rule withdraws the override, so later changes to the set reach this session too.
    const rule = mode === 'off' ? null : mode === 'restore' ? 'inherit' : ruleOf(draft);
    setBusy(true);
    const result = await call('rules/overrideForSession', { sessionId, ruleId: row.id, rule, reason });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setErrors(placeErrors(t, result.error, [draft], 'rule'));
  }

  return (
    <form className="session-override-form" onSubmit={submit} noValidate data-testid="session-override-form" data-rule={row.id}>
      <fieldset className="session-override-modes">
        <legend>{t('rules.session.formTitle', { id: row.id })}</legend>
        {modes.map((option) => (
          <label key={option} className="inline-check">
            <input type="radio" name={`${idPrefix}-mode`} value={option} checked={mode === option} onChange={() => setMode(option)} />
            {t(`rules.session.mode.${option}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'change' && draft && (
        <div className="session-override-values">
          <ConditionInputs draft={draft} errors={errors.byRule[draft.key] ?? {}} describedBy={`${idPrefix}-name`} onChange={(patch) => setDraft({ ...draft, ...patch })} />
          <PrioritySelect value={draft.priority} describedBy={`${idPrefix}-name`} onChange={(priority) => setDraft({ ...draft, priority })} />
        </div>
      )}
      {mode === 'off' && <p className="rule-warning">{t('rules.session.offWarning')}</p>}
      <div className="form-field">
        <label htmlFor={`${idPrefix}-reason`}>{t('rules.review.reason')}</label>
        <input
          id={`${idPrefix}-reason`}
          value={reason}
          maxLength={500}
          aria-invalid={errors.reason !== null}
          aria-describedby={errors.reason ? `${idPrefix}-reason-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldError id={`${idPrefix}-reason-error`} text={errors.reason} />
      </div>
      {errors.form && (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || unchanged}>
          {t('rules.session.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('rules.review.cancel')}
        </button>
      </div>
    </form>
  );
}
