import type { EventName, EventPayload } from '../../shared/contract/events';

/**
 * `seq` numbers every event this core emits, 1, 2, 3... A window that sees a number skipped
 * (or reconnects) has missed something and reloads what it shows; otherwise it applies the
 * rows the events carry.
 */
export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>, seq: number) => void;

/** Fan-out of main -> renderer events to every connected window. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private seq = 0;

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.seq += 1;
    const seq = this.seq;
    for (const listener of this.listeners) {
      try {
        listener(name, payload, seq);
      } catch (error) {
        // One broken window must not stop the others hearing about an alert.
        console.error('event listener failed', name, error);
      }
    }
  }
}
