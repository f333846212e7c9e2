import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertRule } from '../../../shared/clinical/alert-rules';
import { PriorityBadge } from './PriorityBadge';
import { comparisonText, confirmationText, hysteresisText, ruleName, ruleParameterLabel, ruleUnit } from './rule-text';

/** One rule as read: every limit in the parameter's unit, the priority with its symbol. */
export function RuleRow({ rule, removed = false, actions }: { rule: AlertRule; removed?: boolean; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <tr className={`rule-row ${removed ? 'rule-removed' : ''}`} data-testid="rule-row" data-rule={rule.id} data-priority={rule.priority} data-removed={removed ? 'true' : undefined}>
      <th scope="row" data-col="rule">
        <span className="rule-name">{ruleName(t, language, rule)}</span>
        {removed && <span className="rule-mark rule-mark-removed">{t('rules.edit.removedMark')}</span>}
      </th>
      <td data-col="parameter">
        {ruleParameterLabel(t, rule.parameter)} <span className="unit">({ruleUnit(t, rule.parameter)})</span>
      </td>
      <td data-col="condition">{comparisonText(t, language, rule.parameter, rule.comparison)}</td>
      <td data-col="priority">
        <PriorityBadge priority={rule.priority} />
      </td>
      <td data-col="confirmation">{confirmationText(t, language, rule.confirmation)}</td>
      <td data-col="hysteresis" className="num">
        {hysteresisText(t, language, rule)}
      </td>
      {actions !== undefined && <td className="row-actions">{actions}</td>}
    </tr>
  );
}
