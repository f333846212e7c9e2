import { useTranslation } from 'react-i18next';
import type { Reading } from '../../shared/domain/reading';
import { shortName } from '../components/reading-flags';
import { formatClockTime } from '../format/time';
import './monitor.css';

/** A monitor value the nurse has not vouched for yet (an artifact mark settles it too). */
export function isUnvalidatedMonitorValue(reading: Reading): boolean {
  return reading.source === 'monitor' && reading.validation === null && reading.artifact === null && reading.supersededById === null;
}

/** In a reading's row: taken from the monitor, and validated by whom, or not yet. */
export function MonitorBadge({ reading }: { reading: Reading }) {
  const { t } = useTranslation();
  if (reading.source !== 'monitor') return null;
  if (reading.validation) {
    return (
      <span className="monitor-badge validated" title={t('monitor.validatedTitle', { name: reading.validation.userName, time: formatClockTime(reading.validation.at), device: reading.deviceId ?? '' })}>
        {t('monitor.validatedBadge', { name: shortName(reading.validation.userName) })}
      </span>
    );
  }
  return (
    <span className="monitor-badge" title={t('monitor.unvalidatedTitle', { device: reading.deviceId ?? '' })}>
      {t('monitor.unvalidatedBadge')}
    </span>
  );
}
