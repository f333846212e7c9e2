import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/domain/alert';
import { formatValue, parameterLabel, unitOf } from '../format/parameters';
import { formatClockTime } from '../format/time';
import type { ValueNow } from './alert-now';

/**
 * "Systolic BP 185 mmHg — above 180 · now 176 mmHg at 17:49": the value that raised the alert
 * (as main stored it), then the parameter's latest charted value and its time, so an old
 * value is never read as the current one. A technical alert by its condition.
 */
export function AlertText({ alert, now = null }: { alert: Alert; now?: ValueNow | null }) {
  const { t } = useTranslation();
  if (alert.kind === 'technical') return <>{t(`alerts.technical.${alert.parameter}`, { defaultValue: alert.parameter })}</>;
  return (
    <>
      <AlertCondition alert={alert} />
      {now && (
        <span className="alert-now" data-testid="alert-now">
          {' · '}
          {t('alertTruth.now', { value: formatValue(alert.parameter, now.value), unit: unitOf(alert.parameter), time: formatClockTime(now.at) })}
        </span>
      )}
    </>
  );
}

function AlertCondition({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const parameter = parameterLabel(t, alert.parameter);
  const value = formatValue(alert.parameter, alert.value ?? alert.lastValue);
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
