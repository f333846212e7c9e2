import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import { AlertHistory } from './AlertHistory';
import { AlertQueue } from './AlertQueue';
import { SessionTile } from './SessionTile';
import { byUrgency } from './urgency';
import './physician.css';

/** The supervising physician's view: every chair sorted by urgency, the alert queue, one session's alert history. */
export function PhysicianScreen() {
  const { t } = useTranslation();
  const openSessions = useAppStore((state) => state.openSessions);
  const timers = useAppStore((state) => state.timers);
  const show = useAppStore((state) => state.show);
  const [selected, setSelected] = useState<number | null>(null);
  const tiles = [...openSessions].sort(byUrgency);

  return (
    <main className="physician-screen" data-testid="physician-screen">
      <div className="toolbar">
        <h1>{t('physician.title')}</h1>
      </div>
      {tiles.length === 0 ? (
        <p className="empty">{t('physician.noSessions')}</p>
      ) : (
        <div className="tiles">
          {tiles.map((summary) => (
            <SessionTile
              key={summary.session.id}
              summary={summary}
              timer={timers[summary.session.id] ?? summary.timer}
              selected={selected === summary.session.id}
              onSelect={() => setSelected(selected === summary.session.id ? null : summary.session.id)}
            />
          ))}
        </div>
      )}
      <AlertQueue sessions={openSessions} />
      {selected !== null && (
        <>
          <button type="button" className="open-selected" onClick={() => show({ kind: 'session', sessionId: selected })}>
            {t('physician.openSession')}
          </button>
          <AlertHistory sessionId={selected} />
        </>
      )}
    </main>
  );
}
