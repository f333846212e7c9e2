import { useTranslation } from 'react-i18next';
import { ALERT_PARAMETERS } from '../../../shared/clinical/alert-rules';
import { FieldError } from '../../components/FieldError';
import type { DraftField, RuleDraft } from './rule-draft';
import { ruleParameterLabel, ruleUnit } from './rule-text';

interface Props {
  draft: RuleDraft;
  errors: Partial<Record<DraftField, string>>;
  /** The datalist of the set's groups, offered while typing one. */
  groupListId: string;
  onChange(patch: Partial<RuleDraft>): void;
}

/** A new rule's group: the condition it shares with others (its id is made from what it watches when saved). */
export function RuleIdentityInputs({ draft, errors, groupListId, onChange }: Props) {
  const { t } = useTranslation();
  const field = (name: 'group') => {
    const id = `rule-${draft.key}-${name}`;
    const error = errors[name] ?? null;
    return (
      <label className="rule-text-field" htmlFor={id}>
        <span>{t(`rules.edit.${name}Label`)}</span>
        <input
          id={id}
          value={draft[name]}
          maxLength={60}
          spellCheck={false}
          autoFocus
          list={groupListId}
          placeholder={t(`rules.edit.${name}Placeholder`)}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange({ [name]: event.target.value.toLowerCase() })}
        />
        <FieldError id={`${id}-error`} text={error} />
      </label>
    );
  };
  return (
    <div className="rule-identity">
      {field('group')}
    </div>
  );
}

/** A new rule's parameter, each offered with its unit. */
export function ParameterSelect({ draft, onChange, describedBy }: { draft: RuleDraft; describedBy: string; onChange(patch: Partial<RuleDraft>): void }) {
  const { t } = useTranslation();
  return (
    <select
      id={`rule-${draft.key}-parameter`}
      aria-label={t('rules.edit.parameterLabel')}
      aria-describedby={describedBy}
      value={draft.parameter}
      onChange={(event) => onChange({ parameter: ALERT_PARAMETERS.find((parameter) => parameter === event.target.value) ?? draft.parameter })}
    >
      {ALERT_PARAMETERS.map((parameter) => (
        <option key={parameter} value={parameter}>
          {t('rules.labelUnit', { label: ruleParameterLabel(t, parameter), unit: ruleUnit(t, parameter) })}
        </option>
      ))}
    </select>
  );
}
