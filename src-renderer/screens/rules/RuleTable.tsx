import { useTranslation } from 'react-i18next';
import type { AlertRule } from '../../../shared/clinical/alert-rules';
import { groupInOrder } from './group-rules';
import { RuleRow } from './RuleRow';
import { GroupRow, RULE_COLUMNS, RuleTableHead } from './RuleTableHead';
import { groupLabel } from './rule-text';

/** A rule set to read, grouped by the condition each group watches. */
export function RuleTable({ rules }: { rules: readonly AlertRule[] }) {
  const { t } = useTranslation();
  if (rules.length === 0) return <p className="empty rule-empty">{t('rules.noRules')}</p>;
  return (
    <table className="admin-table rule-table" data-testid="rule-table">
      <RuleTableHead withActions={false} />
      {groupInOrder(rules, (rule) => rule.group).map(([group, members]) => (
        <tbody key={group} data-group={group}>
          <GroupRow label={groupLabel(t, group)} columns={RULE_COLUMNS.length} />
          {members.map((rule) => (
            <RuleRow key={rule.id} rule={rule} />
          ))}
        </tbody>
      ))}
    </table>
  );
}
