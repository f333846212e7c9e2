import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/domain/alert';
import { formatValue, parameterLabel, unitOf } from '../format/parameters';

/** "Systolic BP 185 mmHg — above 180", from the rule and value main stored; a technical alert by its condition. */
export function AlertText({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  if (alert.kind === 'technical') return <>{t(`alerts.technical.${alert.parameter}`, { defaultValue: alert.parameter })}</>;
  const parameter = parameterLabel(t, alert.parameter);
  const value = formatValue(alert.parameter, alert.lastValue);
  const unit = unitOf(alert.parameter);
  const comparison = alert.comparison;
  if (!comparison) return <>{parameter}</>;
  switch (comparison.kind) {
    case 'outside':
      return <>{t('alerts.condition.outside', { parameter, value, unit, low: comparison.low, high: comparison.high })}</>;
    case 'riseFromBaseline':
      return <>{t('alerts.condition.riseFromBaseline', { parameter, value, unit, delta: comparison.delta, baseline: formatValue(alert.parameter, alert.baseline) })}</>;
    default:
      return <>{t(`alerts.condition.${comparison.kind}`, { parameter, value, unit, limit: comparison.limit })}</>;
  }
}
