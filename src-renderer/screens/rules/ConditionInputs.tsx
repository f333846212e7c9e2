import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/number';
import { COMPARISON_KINDS, ruleOf, type ComparisonKind, type DraftField, type RuleDraft } from './rule-draft';
import { limitStep, outOfReach, possibleRange, type LimitField } from './rule-reach';
import { ruleUnit } from './rule-text';
import { RuleNumberInput } from './RuleNumberInput';

interface Props {
  draft: RuleDraft;
  errors: Partial<Record<DraftField, string>>;
  describedBy: string;
  onChange(patch: Partial<RuleDraft>): void;
}

const LIMIT_FIELDS: Readonly<Record<ComparisonKind, readonly LimitField[]>> = {
  above: ['comparison.limit'],
  atOrAbove: ['comparison.limit'],
  below: ['comparison.limit'],
  atOrBelow: ['comparison.limit'],
  outside: ['comparison.low', 'comparison.high'],
  riseFromBaseline: ['comparison.delta'],
};

const DRAFT_KEY = { 'comparison.limit': 'limit', 'comparison.low': 'low', 'comparison.high': 'high', 'comparison.delta': 'delta' } as const;

/** The condition of a rule: its kind (chosen for a new rule, fixed for an existing one) and its limit(s) in the parameter's unit. */
export function ConditionInputs({ draft, errors, describedBy, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const unit = ruleUnit(t, draft.parameter);
  const [min, max] = possibleRange(draft.parameter);
  const unreachable = outOfReach(ruleOf(draft));
  const idOf = (field: string) => `rule-${draft.key}-${field.replace('.', '-')}`;

  return (
    <div className="rule-condition">
      {draft.isNew ? (
        <select
          id={idOf('comparison-kind')}
          aria-label={t('rules.edit.kindLabel')}
          aria-describedby={describedBy}
          value={draft.comparisonKind}
          onChange={(event) => onChange({ comparisonKind: COMPARISON_KINDS.find((kind) => kind === event.target.value) ?? 'above' })}
        >
          {COMPARISON_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`rules.edit.kind.${kind}`)}
            </option>
          ))}
        </select>
      ) : (
        <span className="rule-kind">{t(`rules.edit.kind.${draft.comparisonKind}`)}</span>
      )}
      {LIMIT_FIELDS[draft.comparisonKind].map((field) => (
        <RuleNumberInput
          key={field}
          id={idOf(field)}
          label={t(`rules.edit.${DRAFT_KEY[field]}Label`, { unit })}
          unit={unit}
          value={draft[DRAFT_KEY[field]]}
          step={limitStep(draft.parameter)}
          describedBy={describedBy}
          error={errors[field] ?? null}
          warning={
            unreachable.includes(field)
              ? t('rules.edit.outOfReach', { min: formatNumber(min, i18n.language), max: formatNumber(max, i18n.language), unit })
              : null
          }
          onChange={(value) => onChange({ [DRAFT_KEY[field]]: value })}
        />
      ))}
    </div>
  );
}
