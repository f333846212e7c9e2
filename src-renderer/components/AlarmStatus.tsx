import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/domain/alert';
import { ALARM_PATTERNS, escalatedPattern } from '../audio/alarm-patterns';
import { AlarmPlayer } from '../audio/alarm-player';
import { soundingAlert } from '../audio/sounding-alert';
import { formatDuration } from '../format/time';
import { useServerNow } from '../hooks/use-server-now';
import { useAlertsStore } from '../store/alerts-store';
import { PRIORITY_SYMBOL } from './AlertBanner';

/**
 * Sounds the most urgent alert of every open session and says so in the header; shows
 * when alerts are audio-paused and for how long. Acknowledged alerts are silent.
 */
export function AlarmStatus() {
  const { t } = useTranslation();
  const active = useAlertsStore((state) => state.active);
  const now = useServerNow();
  const player = useRef<AlarmPlayer | null>(null);
  const alerts = useMemo(() => Object.values(active), [active]);
  const sounding = soundingAlert(alerts, now);
  const paused = alerts.filter((a: Alert) => a.acknowledgedAt === null && a.audioPausedUntil !== null && a.audioPausedUntil > now);
  const pausedUntil = paused.length > 0 ? Math.max(...paused.map((a) => a.audioPausedUntil ?? 0)) : null;
  const soundingPriority = sounding?.priority ?? null;
  const soundingEscalated = sounding !== null && sounding.escalatedAt !== null;
  // One stable pattern object per (priority, escalated), so the loop is not restarted every second.
  const pattern = useMemo(() => {
    if (!soundingPriority) return null;
    return soundingEscalated ? escalatedPattern(ALARM_PATTERNS[soundingPriority]) : ALARM_PATTERNS[soundingPriority];
  }, [soundingPriority, soundingEscalated]);

  useEffect(() => {
    player.current ??= new AlarmPlayer();
    const unlock = () => player.current?.unlock();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  useEffect(() => {
    player.current?.play(pattern);
  }, [pattern]);

  useEffect(() => () => player.current?.stop(), []);

  return (
    <span
      className={`alarm-status ${sounding ? `alarm-status-${sounding.priority}` : ''}`}
      data-testid="alarm-status"
      data-sounding={sounding?.priority ?? 'none'}
      data-escalated={sounding?.escalatedAt ? 'true' : 'false'}
      data-paused={pausedUntil !== null ? 'true' : 'false'}
      role="status"
    >
      {sounding && (
        <span>
          <span aria-hidden="true">{PRIORITY_SYMBOL[sounding.priority]} </span>
          {/* One phrase per priority: word order and case differ by language ("Alarma alta sonando"). */}
          {t(`alarm.sounding_${sounding.priority}`)}
        </span>
      )}
      {pausedUntil !== null && <span className="alarm-paused">{t('alarm.paused', { left: formatDuration(pausedUntil - now) })}</span>}
    </span>
  );
}
