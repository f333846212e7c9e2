import { useTranslation } from 'react-i18next';
import { PRIORITY_SYMBOL } from '../../components/AlertBanner';
import { comparisonText, ruleParameterShort } from './rule-text';
import type { SessionRuleRow } from './session-rules';

interface Props {
  row: SessionRuleRow;
  canOverride: boolean;
  open: boolean;
  onChange(): void;
}

/** One rule on one line: symbol, parameter, condition with its unit, and whether this session differs from the set. */
export function SessionRuleItem({ row, canOverride, open, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const rule = row.effective ?? row.base;
  if (!rule) return null;
  return (
    <div className={`session-rule session-rule-${row.state}`} data-testid="session-rule" data-rule={row.id} data-state={row.state} data-priority={rule.priority}>
      <span className={`session-rule-symbol priority-${rule.priority}`} aria-hidden="true">
        {PRIORITY_SYMBOL[rule.priority]}
      </span>
      <span className="session-rule-text" id={`session-rule-${row.id}-name`}>
        <span className="visually-hidden">{t(`alerts.priority.${rule.priority}`)}: </span>
        {ruleParameterShort(t, rule.parameter)} {comparisonText(t, i18n.language, rule.parameter, rule.comparison)}
      </span>
      {row.state !== 'asSet' && <span className={`session-rule-state session-rule-state-${row.state}`}>{t(`rules.session.state.${row.state}`)}</span>}
      {canOverride && !open && (
        <button type="button" className="session-rule-change" onClick={onChange} aria-describedby={`session-rule-${row.id}-name`}>
          {t('rules.session.change')}
        </button>
      )}
    </div>
  );
}
