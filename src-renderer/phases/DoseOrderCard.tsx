import { useTranslation } from 'react-i18next';
import { DOSE_ORDER_UNIT } from '../../shared/clinical/dose';
import type { SessionPanels } from '../store/session-selectors';
import { formatClockTime } from '../format/time';
import { DoseOrderForm } from './DoseOrderForm';
import { formatFigure } from './format';
import { useMayCall } from './use-may-call';

function BigFigure({ value, unit, label, testId }: { value: string; unit: string; label: string; testId: string }) {
  return (
    <div className="dose-figure">
      <span className="dose-figure-label">{label}</span>
      <span className="dose-figure-value" data-testid={testId}>
        {value}
        <span className="dose-figure-unit"> {unit}</span>
      </span>
    </div>
  );
}

/**
 * The order as main computed and stored it: the figures the nurse programs the pump with,
 * the limits it was judged against, and any soft-limit override. Physicians may re-order.
 */
export function DoseOrderCard({ detail }: { detail: SessionPanels }) {
  const { t, i18n } = useTranslation();
  const mayOrder = useMayCall('dose/order');
  const { protocol, doseOrder: order } = detail;
  const n = (value: number) => formatFigure(value, i18n.language);

  if (!protocol) {
    return (
      <section className="dose-card" aria-label={t('dose.title')} data-testid="dose-card">
        <h3>{t('dose.title')}</h3>
        <p className="phase-warning phase-warning-medium">
          <span className="phase-warning-symbol" aria-hidden="true">
            !!
          </span>
          <span>{t('dose.noProtocol')}</span>
        </p>
      </section>
    );
  }

  const unit = DOSE_ORDER_UNIT[protocol.orderKind];
  const limits = (min: number, max: number) => ({ min: n(min), max: n(max), unit });

  return (
    <section className="dose-card" aria-label={t('dose.title')} data-testid="dose-card">
      <h3>{t('dose.title')}</h3>
      <p className="dose-protocol" data-testid="dose-protocol">
        {t('dose.protocolLine', { name: protocol.name, version: protocol.version, drug: protocol.drug })}
      </p>
      {order ? (
        <>
          <div className="dose-figures">
            <BigFigure value={n(order.totalDoseMg)} unit="mg" label={t('dose.totalDose')} testId="dose-total" />
            <BigFigure value={n(order.volumeMl)} unit="mL" label={t('dose.volume')} testId="dose-volume" />
            <BigFigure value={n(order.rateMlPerHour)} unit="mL/h" label={t('dose.rate')} testId="dose-rate" />
          </div>
          <dl className="phase-facts">
            <dt>{t('dose.orderedDose')}</dt>
            <dd>
              <strong data-testid="dose-per-kg">{t('dose.doseValue', { dose: n(order.dosePerKg), unit: DOSE_ORDER_UNIT[order.orderKind] })}</strong>{' '}
              <span className="muted">
                ({order.dosePerKg === protocol.dosePerKg ? t('dose.standard') : t('dose.changed', { dose: n(protocol.dosePerKg), unit })})
              </span>
            </dd>
            <dt>{t('dose.orderKind')}</dt>
            <dd>{t(`dose.kind.${order.orderKind}`, { unit: DOSE_ORDER_UNIT[order.orderKind] })}</dd>
            <dt>{t('dose.weight')}</dt>
            <dd>{t('dose.weightValue', { weight: n(order.weightKg) })}</dd>
            <dt>{t('dose.concentration')}</dt>
            <dd>{t('dose.concentrationValue', { value: n(order.concentrationMgPerMl) })}</dd>
            <dt>{t('dose.duration')}</dt>
            <dd>{t('dose.durationValue', { minutes: order.durationMinutes })}</dd>
            <dt>{t('dose.softLimits')}</dt>
            <dd>{t('dose.softLimitsValue', limits(protocol.softMinPerKg, protocol.softMaxPerKg))}</dd>
            <dt>{t('dose.hardLimits')}</dt>
            <dd>{t('dose.hardLimitsValue', limits(protocol.hardMinPerKg, protocol.hardMaxPerKg))}</dd>
          </dl>
          {order.limitVerdict === 'softLimit' && (
            <p className="phase-warning phase-warning-medium" data-testid="dose-override">
              <span className="phase-warning-symbol" aria-hidden="true">
                !!
              </span>
              <span>{t('dose.softOverride', { ...limits(protocol.softMinPerKg, protocol.softMaxPerKg), reason: order.overrideReason ?? '' })}</span>
            </p>
          )}
          <p className="muted phase-meta">
            {t(order.source === 'protocol' ? 'dose.standingOrder' : 'dose.physicianOrder', { name: order.userName, time: formatClockTime(order.at) })}
          </p>
        </>
      ) : (
        <p className="phase-warning phase-warning-medium">
          <span className="phase-warning-symbol" aria-hidden="true">
            !!
          </span>
          <span>{t('dose.noOrder')}</span>
        </p>
      )}
      {mayOrder ? <DoseOrderForm sessionId={detail.session.id} unit={unit} example={n(protocol.dosePerKg)} /> : <p className="muted phase-meta">{t('dose.physicianOnly')}</p>}
    </section>
  );
}
