import { useTranslation } from 'react-i18next';
import type { Protocol } from '../../../shared/domain/protocol';
import { formatNumber } from '../../format/number';

interface Props {
  protocol: Protocol;
  canEdit: boolean;
  /** The retire question is open under this row. */
  retiring: boolean;
  onEdit(): void;
  onRetire(): void;
}

/** One protocol's current version; every number carries its unit. */
export function ProtocolRow({ protocol, canEdit, retiring, onEdit, onRetire }: Props) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const dose = t(`protocols.unit.${protocol.orderKind}`);
  const minutes = t('protocols.unit.minutes');

  return (
    <tr className={protocol.retired ? 'retired' : undefined} data-testid="protocol-row" data-family={protocol.familyId}>
      <th scope="row" data-col="name">
        {protocol.name}
      </th>
      <td data-col="drug">{protocol.drug}</td>
      <td data-col="dose" className="num">
        {t('protocols.valueUnit', { value: n(protocol.dosePerKg), unit: dose })}
      </td>
      <td data-col="duration" className="num">
        {t('protocols.valueUnit', { value: n(protocol.durationMinutes), unit: minutes })}
      </td>
      <td data-col="concentration" className="num">
        {t('protocols.valueUnit', { value: n(protocol.concentrationMgPerMl), unit: t('protocols.unit.mgPerMl') })}
      </td>
      <td data-col="vitals" className="num">
        {t('protocols.intervals', { infusion: n(protocol.infusionIntervalMinutes), recovery: n(protocol.recoveryIntervalMinutes), unit: minutes })}
      </td>
      <td data-col="minimumRecovery" className="num">
        {t('protocols.valueUnit', { value: n(protocol.minimumRecoveryMinutes), unit: minutes })}
      </td>
      <td data-col="softLimits" className="num">
        {t('protocols.range', { min: n(protocol.softMinPerKg), max: n(protocol.softMaxPerKg), unit: dose })}
      </td>
      <td data-col="hardLimits" className="num">
        {t('protocols.range', { min: n(protocol.hardMinPerKg), max: n(protocol.hardMaxPerKg), unit: dose })}
      </td>
      <td data-col="version" className="num">
        {t('protocols.version', { version: protocol.version })}
      </td>
      <td data-col="status">
        <span className={`status-badge ${protocol.retired ? 'status-retired' : 'status-active'}`}>{protocol.retired ? t('protocols.retired') : t('protocols.active')}</span>
      </td>
      {canEdit && (
        <td className="row-actions">
          {!protocol.retired && (
            <>
              <button type="button" onClick={onEdit} aria-label={t('protocols.editLabel', { name: protocol.name })}>
                {t('protocols.edit')}
              </button>
              <button type="button" className="danger" onClick={onRetire} disabled={retiring}>
                {t('protocols.retire')}
              </button>
            </>
          )}
        </td>
      )}
    </tr>
  );
}
