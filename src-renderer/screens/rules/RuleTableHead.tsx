import { useTranslation } from 'react-i18next';
import { ALERT_PRIORITIES } from '../../../shared/clinical/alert-rules';
import { PRIORITY_SYMBOL } from '../../components/AlertBanner';

export const RULE_COLUMNS = ['rule', 'parameter', 'condition', 'priority', 'confirmation', 'hysteresis'] as const;

/** The caption (what each priority asks of the reader) and the column headings. */
export function RuleTableHead({ withActions }: { withActions: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <caption>
        <span className="rule-legend">
          {ALERT_PRIORITIES.map((priority) => (
            <span key={priority} className={`rule-legend-item priority-${priority}`}>
              <span className="priority-symbol" aria-hidden="true">
                {PRIORITY_SYMBOL[priority]}
              </span>
              {t(`rules.legend.${priority}`)}
            </span>
          ))}
        </span>
      </caption>
      <thead>
        <tr>
          {RULE_COLUMNS.map((column) => (
            <th key={column} scope="col" className={`rule-col-${column}`}>
              {t(`rules.column.${column}`)}
            </th>
          ))}
          {withActions && (
            <th scope="col" className="rule-col-actions">
              {t('rules.column.actions')}
            </th>
          )}
        </tr>
      </thead>
    </>
  );
}

/** The heading row of one condition group. */
export function GroupRow({ label, columns }: { label: string; columns: number }) {
  return (
    <tr className="rule-group-row">
      <th scope="rowgroup" colSpan={columns}>
        {label}
      </th>
    </tr>
  );
}
