import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertsStore } from '../store/alerts-store';
import { useAppStore } from '../store/app-store';
import { transportKind } from '../transport/client';
import { alertSubject } from '../format/parameters';

/**
 * In the desktop app, a high-priority alert (new, or newly escalated) also raises an OS
 * notification, so it is seen when Vigil is behind another window. Main allows the
 * notifications permission for Vigil's own origin only.
 */
export function DesktopNotifier() {
  const { t } = useTranslation();
  const active = useAlertsStore((state) => state.active);
  const openSessions = useAppStore((state) => state.openSessions);
  const notified = useRef(new Set<string>());

  useEffect(() => {
    if (transportKind() !== 'electron' || typeof Notification === 'undefined') return;
    for (const alert of Object.values(active)) {
      if (alert.priority !== 'high' || alert.acknowledgedAt !== null) continue;
      const key = `${alert.id}:${alert.escalatedAt === null ? 'raised' : 'escalated'}`;
      if (notified.current.has(key)) continue;
      notified.current.add(key);
      const summary = openSessions.find((s) => s.session.id === alert.sessionId);
      const where = summary ? `${summary.session.chair} · ${summary.patient.familyName}: ` : '';
      new Notification(t(alert.escalatedAt === null ? 'alarm.notifyTitle' : 'alarm.notifyEscalatedTitle'), {
        body: `${where}${alertSubject(t, alert)}${alert.kind === 'technical' ? '' : ` ${alert.lastValue ?? ''}`}`,
        tag: `vigil-alert-${alert.id}`,
        requireInteraction: true,
      });
    }
  }, [active, openSessions, t]);

  return null;
}
