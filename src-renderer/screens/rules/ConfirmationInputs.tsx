import { useTranslation } from 'react-i18next';
import { CONFIRMATION_KINDS, type DraftField, type RuleDraft } from './rule-draft';
import { RuleNumberInput } from './RuleNumberInput';

interface Props {
  draft: RuleDraft;
  errors: Partial<Record<DraftField, string>>;
  describedBy: string;
  onChange(patch: Partial<RuleDraft>): void;
}

/** Before an alert is raised: at once, after a number of consecutive readings, or after the condition held for some seconds. */
export function ConfirmationInputs({ draft, errors, describedBy, onChange }: Props) {
  const { t } = useTranslation();
  const id = `rule-${draft.key}-confirmation`;
  return (
    <div className="rule-confirmation">
      <select
        id={`${id}-kind`}
        aria-label={t('rules.edit.confirmationLabel')}
        aria-describedby={describedBy}
        value={draft.confirmationKind}
        onChange={(event) => onChange({ confirmationKind: CONFIRMATION_KINDS.find((kind) => kind === event.target.value) ?? 'none' })}
      >
        {CONFIRMATION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`rules.edit.confirmationKind.${kind}`)}
          </option>
        ))}
      </select>
      {draft.confirmationKind === 'consecutiveReadings' && (
        <RuleNumberInput
          id={`${id}-count`}
          label={t('rules.edit.countLabel')}
          unit={t('rules.unit.readings')}
          value={draft.count}
          step="1"
          describedBy={describedBy}
          error={errors['confirmation.count'] ?? null}
          onChange={(count) => onChange({ count })}
        />
      )}
      {draft.confirmationKind === 'delaySeconds' && (
        <RuleNumberInput
          id={`${id}-seconds`}
          label={t('rules.edit.secondsLabel')}
          unit={t('rules.unit.seconds')}
          value={draft.seconds}
          step="1"
          describedBy={describedBy}
          error={errors['confirmation.seconds'] ?? null}
          onChange={(seconds) => onChange({ seconds })}
        />
      )}
    </div>
  );
}
