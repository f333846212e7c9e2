import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../shared/contract/events';
import { formatClockTime } from '../format/time';
import { bridge } from '../transport/client';

type Notice = EventPayload<'system/notice'>;
const MINUTE_MS = 60_000;

/**
 * What main tells the nurse about the console itself: the computer slept or its clock was
 * changed, the scheduled checks stopped (and came back). Each stays until dismissed; a
 * recovery replaces the failure it ends.
 */
export function SystemNotices() {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<(Notice & { key: number })[]>([]);

  useEffect(() => {
    let next = 0;
    return bridge().subscribe('system/notice', (notice) => {
      setNotices((shown) => {
        const kept = notice.kind === 'checksRecovered' ? shown.filter((item) => item.kind !== 'checksFailing') : shown;
        return [...kept, { ...notice, key: (next += 1) }].slice(-5);
      });
    });
  }, []);

  if (notices.length === 0) return null;
  const text = (notice: Notice): string => {
    const time = formatClockTime(notice.at);
    switch (notice.kind) {
      case 'clockChanged': {
        const minutes = Math.max(1, Math.round(Math.abs(notice.deltaMs) / MINUTE_MS));
        if (notice.change === 'sleep') return t('notices.slept', { minutes, time });
        const key = notice.deltaMs > 0 ? 'notices.clockForward' : 'notices.clockBack';
        return `${t(key, { minutes, time })} ${t(notice.heldForOpenSessions ? 'notices.clockHeld' : 'notices.clockFollowed')}`;
      }
      case 'checksFailing':
        return t('notices.checksFailing', { time });
      case 'checksRecovered':
        return t('notices.checksRecovered', { time });
      case 'fileDamaged':
        return t('fileCheck.notice', { time });
    }
  };

  return (
    <div className="system-notices" role="status" data-testid="system-notices">
      {notices.map((notice) => (
        <p key={notice.key} className={`system-notice ${notice.kind === 'checksFailing' || notice.kind === 'fileDamaged' ? 'failing' : ''}`} data-notice={notice.kind}>
          <span>{text(notice)}</span>
          <button type="button" onClick={() => setNotices((shown) => shown.filter((item) => item.key !== notice.key))}>
            {t('notices.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
