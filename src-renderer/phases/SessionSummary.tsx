import { useTranslation } from 'react-i18next';
import { DOSE_ORDER_UNIT } from '../../shared/clinical/dose';
import type { SessionTimer } from '../../shared/domain/session';
import type { Alert } from '../../shared/domain/alert';
import type { SessionPanels } from '../store/session-selectors';
import { formatDuration } from '../format/time';
import { formatFigure } from './format';

/** What the signer confirms: times, dose, discharge score and alerts, as main recorded them. */
export function SessionSummary({ detail, alerts, timer }: { detail: SessionPanels; alerts: readonly Alert[]; timer: SessionTimer }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatFigure(value, i18n.language);
  const { doseOrder, delivered, dischargeAssessment } = detail;
  const count = (priority: 'high' | 'medium' | 'low') => alerts.filter((alert) => alert.priority === priority).length;
  return (
    <dl className="phase-facts close-summary" data-testid="close-summary">
      <dt>{t('close.infusionTime')}</dt>
      <dd data-testid="summary-infusion">{formatDuration(timer.infusionElapsedMs)}</dd>
      <dt>{t('close.recoveryTime')}</dt>
      <dd data-testid="summary-recovery">{formatDuration(timer.recoveryElapsedMs)}</dd>
      <dt>{t('close.doseOrdered')}</dt>
      <dd data-testid="summary-dose">
        {doseOrder ? t('close.doseOrderedValue', { mg: n(doseOrder.totalDoseMg), dose: n(doseOrder.dosePerKg), unit: DOSE_ORDER_UNIT[doseOrder.orderKind] }) : t('close.noDose')}
      </dd>
      {delivered && (
        <>
          <dt>{t('close.doseDelivered')}</dt>
          <dd>{t('close.doseDeliveredValue', { mg: n(delivered.doseMg), ml: n(delivered.volumeMl) })}</dd>
        </>
      )}
      <dt>{t('close.aldrete')}</dt>
      <dd data-testid="summary-aldrete">{dischargeAssessment ? t('close.aldreteValue', { total: dischargeAssessment.aldreteTotal }) : t('close.notAssessed')}</dd>
      <dt>{t('close.alerts')}</dt>
      <dd data-testid="summary-alerts">{t('close.alertsValue', { count: alerts.length, high: count('high'), medium: count('medium'), low: count('low') })}</dd>
    </dl>
  );
}
