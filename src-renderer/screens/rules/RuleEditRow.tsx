import { useTranslation } from 'react-i18next';
import type { AlertRule } from '../../../shared/clinical/alert-rules';
import { ConditionInputs } from './ConditionInputs';
import { ConfirmationInputs } from './ConfirmationInputs';
import { ruleDiffers } from './rule-diff';
import { ruleOf, type DraftField, type RuleDraft } from './rule-draft';
import { PrioritySelect } from './PrioritySelect';
import { ParameterSelect, RuleIdentityInputs } from './RuleIdentityInputs';
import { RuleNumberInput } from './RuleNumberInput';
import { ruleName, ruleParameterLabel, ruleUnit } from './rule-text';

interface Props {
  draft: RuleDraft;
  /** The rule as saved, for a rule that exists (to mark it changed). */
  saved: AlertRule | undefined;
  errors: Partial<Record<DraftField, string>>;
  groupListId: string;
  onChange(patch: Partial<RuleDraft>): void;
  onRemove(): void;
}

/** One rule being edited: its limits, priority, confirmation and hysteresis; a new rule also its id, group, parameter and kind of condition. */
export function RuleEditRow({ draft, saved, errors, groupListId, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const nameId = `rule-${draft.key}-name`;
  const changed = saved !== undefined && ruleDiffers(saved, ruleOf(draft));
  const unit = ruleUnit(t, draft.parameter);

  return (
    <tr
      className={`rule-row rule-editing ${changed ? 'rule-changed' : ''} ${draft.isNew ? 'rule-new' : ''}`}
      data-testid="rule-row"
      data-rule={draft.isNew ? undefined : draft.id}
      data-new={draft.isNew ? 'true' : undefined}
      data-changed={changed ? 'true' : undefined}
    >
      <th scope="row" data-col="rule">
        {draft.isNew ? (
          <>
            <span id={nameId} className="rule-mark rule-mark-new">
              {t('rules.edit.newMark')}
            </span>
            <RuleIdentityInputs draft={draft} errors={errors} groupListId={groupListId} onChange={onChange} />
          </>
        ) : (
          <>
            <span id={nameId} className="rule-name">{saved ? ruleName(t, i18n.language, saved) : ruleName(t, i18n.language, ruleOf(draft))}</span>
            {changed && <span className="rule-mark rule-mark-changed">{t('rules.edit.changedMark')}</span>}
          </>
        )}
      </th>
      <td data-col="parameter">
        {draft.isNew ? (
          <ParameterSelect draft={draft} describedBy={nameId} onChange={onChange} />
        ) : (
          <>
            {ruleParameterLabel(t, draft.parameter)} <span className="unit">({unit})</span>
          </>
        )}
      </td>
      <td data-col="condition">
        <ConditionInputs draft={draft} errors={errors} describedBy={nameId} onChange={onChange} />
      </td>
      <td data-col="priority">
        <PrioritySelect value={draft.priority} describedBy={nameId} onChange={(priority) => onChange({ priority })} />
      </td>
      <td data-col="confirmation">
        <ConfirmationInputs draft={draft} errors={errors} describedBy={nameId} onChange={onChange} />
      </td>
      <td data-col="hysteresis">
        <RuleNumberInput
          id={`rule-${draft.key}-hysteresis`}
          label={t('rules.edit.hysteresisLabel', { unit })}
          unit={unit}
          value={draft.hysteresis}
          step="any"
          describedBy={nameId}
          error={errors.hysteresis ?? null}
          onChange={(hysteresis) => onChange({ hysteresis })}
        />
      </td>
      <td className="row-actions">
        <button type="button" className="danger" onClick={onRemove} aria-describedby={nameId}>
          {t('rules.edit.remove')}
        </button>
      </td>
    </tr>
  );
}
