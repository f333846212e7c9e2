import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { formatClockTime } from '../format/time';
import { useEarlierAlerts } from '../store/session-selectors';
import { loadOlderAlerts } from '../store/sync';

/**
 * Says what the session screen does not hold of its alerts (session/get carries every active
 * one and the newest others; the record has them all), where it matters: in the timeline, at
 * the point older entries lack them; under the table, whose marks come from them. A button
 * pages the earlier ones in from main. Nothing when the screen holds every alert.
 */
export function EarlierAlerts({ sessionId, where }: { sessionId: number; where: 'timeline' | 'marks' }) {
  const { t } = useTranslation();
  const earlier = useEarlierAlerts(sessionId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!earlier) return null;
  const show = async () => {
    setBusy(true);
    const refused = await loadOlderAlerts(sessionId);
    setError(refused ? t('earlierAlerts.failed', { reason: errorText(t, refused) }) : null);
    setBusy(false);
  };
  return (
    <span className="earlier-alerts" data-testid={`earlier-alerts-${where}`} data-missing={earlier.missing}>
      {t(`earlierAlerts.${where}`, { count: earlier.missing, time: formatClockTime(earlier.raisedBefore) })}{' '}
      <button type="button" className="link" disabled={busy} onClick={() => void show()}>
        {t('earlierAlerts.show')}
      </button>
      {error && <span className="field-error">{error}</span>}
    </span>
  );
}
