import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { EventBus } from '../event-bus';
import type { Clock } from '../clock';
import type { SessionViews } from './session-views';

function sessionOf(name: EventName, payload: EventPayload<EventName>): number | null {
  switch (name) {
    case 'reading/added':
      return (payload as EventPayload<'reading/added'>).sessionId;
    case 'alert/changed':
      return (payload as EventPayload<'alert/changed'>).sessionId;
    case 'session/changed':
      return (payload as EventPayload<'session/changed'>).session.id;
    default:
      return null;
  }
}

/**
 * After the events of one commit (a reading and the alerts it changed, a phase change...),
 * pushes `session/updated` once per touched session: its list row and the live parts of its
 * screen, so windows apply rows instead of reloading. It is built on the next turn of the
 * event loop (setImmediate), after the caller's answer and the commit's own events have gone
 * out: the nurse's acknowledgement and the alert never wait for this view, and the commits
 * of one turn (a burst of monitor messages) share one update per session.
 */
export function publishSessionUpdates(bus: EventBus, clock: Clock, views: SessionViews, isOpen: () => boolean, onError: (error: unknown) => void): () => void {
  const touched = new Set<number>();
  const flush = () => {
    // The core may have closed in between (the last act before a shutdown or a restore).
    if (!isOpen()) {
      touched.clear();
      return;
    }
    const sessionIds = [...touched];
    touched.clear();
    for (const sessionId of sessionIds) {
      try {
        bus.emit('session/updated', views.live(sessionId, clock.now()));
      } catch (error) {
        onError(error);
      }
    }
  };
  return bus.subscribe((name, payload) => {
    const sessionId = sessionOf(name, payload);
    if (sessionId === null) return;
    if (touched.size === 0) setImmediate(flush);
    touched.add(sessionId);
  });
}
