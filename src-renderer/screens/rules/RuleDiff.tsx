import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AlertRule } from '../../../shared/clinical/alert-rules';
import { PRIORITY_SYMBOL } from '../../components/AlertBanner';
import { makesLessSensitive, type ChangedField, type Effect, type RuleChange } from './rule-diff';
import { outOfReach } from './rule-reach';
import { comparisonText, confirmationText, groupLabel, hysteresisText, ruleLine } from './rule-text';

function fieldText(t: TFunction, language: string, field: ChangedField, rule: AlertRule): string {
  switch (field) {
    case 'comparison':
      return comparisonText(t, language, rule.parameter, rule.comparison);
    case 'priority':
      return `${PRIORITY_SYMBOL[rule.priority]} ${t(`alerts.priority.${rule.priority}`)}`;
    case 'confirmation':
      return confirmationText(t, language, rule.confirmation);
    case 'hysteresis':
      return hysteresisText(t, language, rule);
    case 'group':
      return groupLabel(t, rule.group);
  }
}

function EffectTag({ effect, text }: { effect: Effect; text: string }) {
  if (effect === 'none') return null;
  return (
    <span className={`rule-effect rule-effect-${effect}`} data-effect={effect}>
      <span aria-hidden="true">{effect === 'more' ? '▲ ' : '▼ '}</span>
      {text}
    </span>
  );
}

function ReachWarning({ rule }: { rule: AlertRule }) {
  const { t } = useTranslation();
  if (outOfReach(rule).length === 0) return null;
  return (
    <span className="rule-warning">
      <span aria-hidden="true">⚠ </span>
      {t('rules.diff.outOfReach')}
    </span>
  );
}

function ChangeItem({ change }: { change: RuleChange }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rule = change.kind === 'changed' ? change.after : change.rule;
  return (
    <li className={`rule-change rule-change-${change.kind} ${makesLessSensitive(change) ? 'rule-change-less' : ''}`} data-testid="rule-change" data-change={change.kind} data-rule={rule.id}>
      <span className="rule-change-head">
        <span className="rule-change-kind">{t(`rules.diff.${change.kind}`)}</span>
        <span>{change.kind === 'changed' ? ruleLine(t, language, change.before) : `${ruleLine(t, language, rule)} · ${fieldText(t, language, 'priority', rule)}`}</span>
        {change.kind === 'added' && <EffectTag effect="more" text={t('rules.effect.added')} />}
        {change.kind === 'removed' && <EffectTag effect="less" text={t('rules.effect.removed')} />}
        {change.kind !== 'removed' && <ReachWarning rule={rule} />}
      </span>
      {change.kind === 'changed' && (
        <ul className="rule-change-fields">
          {change.fields.map(({ field, effect }) => (
            <li key={field} data-field={field}>
              <span className="rule-change-field">{t(`rules.diff.field.${field}`)}</span>{' '}
              <del>{fieldText(t, language, field, change.before)}</del> <span aria-hidden="true">→</span>{' '}
              <span className="visually-hidden">{t('rules.diff.to')}</span> <ins>{fieldText(t, language, field, change.after)}</ins>{' '}
              <EffectTag effect={effect} text={t(`rules.effect.${field}.${effect}`, { defaultValue: '' })} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** What saving would change against the set now in force, rule by rule, and which changes make alerting less sensitive. */
export function RuleDiff({ changes }: { changes: readonly RuleChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) {
    return (
      <p className="muted" data-testid="rule-diff-empty">
        {t('rules.diff.none')}
      </p>
    );
  }
  const less = changes.filter(makesLessSensitive).length;
  return (
    <>
      <p className="rule-diff-summary" data-testid="rule-diff-summary">
        {t('rules.diff.summary', { count: changes.length })}
        {less > 0 && (
          <strong className="rule-diff-less">
            {' '}
            <span aria-hidden="true">▼ </span>
            {t('rules.diff.lessSummary', { count: less })}
          </strong>
        )}
      </p>
      <ul className="rule-diff" data-testid="rule-diff">
        {changes.map((change, index) => (
          <ChangeItem key={`${index}-${change.kind}`} change={change} />
        ))}
      </ul>
    </>
  );
}
