import type { EventName, EventPayload } from '../../shared/contract/events';

/**
 * `seq` numbers every event this core emits, 1, 2, 3... A window that sees a number skipped
 * (or reconnects) has missed something and reloads what it shows; otherwise it applies the
 * rows the events carry.
 */
export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>, seq: number) => void;

type Queued = { name: EventName; payload: unknown };

/**
 * Fan-out of main -> renderer events to every connected window. While an act holds the
 * bus, events wait in a queue: they go out once the act has committed, and are dropped
 * if it rolls back, so no window ever hears of a write that is not on disk.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private seq = 0;
  private queue: Queued[] | null = null;

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    if (this.queue) {
      this.queue.push({ name, payload });
      return;
    }
    this.deliver(name, payload);
  }

  /** Starts queueing (an act began). */
  hold(): void {
    this.queue = [];
  }

  /** Ends queueing: sends what was queued (committed) or drops it (rolled back). */
  release(send: boolean): void {
    const queued = this.queue ?? [];
    this.queue = null;
    if (send) for (const { name, payload } of queued) this.deliver(name, payload as EventPayload<typeof name>);
  }

  // Numbered when sent, not when queued, so a rolled-back act leaves no gap a window would heal.
  private deliver<E extends EventName>(name: E, payload: EventPayload<E>): void {
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
