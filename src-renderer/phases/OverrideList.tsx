import { useTranslation } from 'react-i18next';
import type { Override, OverrideKind } from '../../shared/domain/screening';
import { formatClockTime } from '../format/time';

/**
 * Who overrode what, when and why. A contraindication override counts for the screening
 * version it was given against: main only honours one at or after the latest screening.
 */
export function OverrideList({ overrides, kind, currentSince }: { overrides: readonly Override[]; kind: OverrideKind; currentSince?: number | undefined }) {
  const { t } = useTranslation();
  const mine = overrides.filter((override) => override.kind === kind);
  if (mine.length === 0) return null;
  return (
    <div className="override-list" data-testid={`overrides-${kind}`}>
      <h3>{t('override.listTitle')}</h3>
      <ul>
        {mine.map((override) => {
          const earlier = currentSince !== undefined && override.at < currentSince;
          return (
            <li key={override.id} className={earlier ? 'override-earlier' : undefined} data-testid="override">
              {t('override.entry', { name: override.userName, time: formatClockTime(override.at), reason: override.reason })}
              {earlier && <span className="muted"> ({t('override.earlierScreening')})</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
