import type { EventName, EventPayload } from '../../shared/contract/events';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

type Queued = { name: EventName; payload: unknown };

/**
 * Fan-out of main -> renderer events to every connected window. While an act holds the
 * bus, events wait in a queue: they go out once the act has committed, and are dropped
 * if it rolls back, so no window ever hears of a write that is not on disk.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
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

  private deliver<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        // One broken window must not stop the others hearing about an alert.
        console.error('event listener failed', name, error);
      }
    }
  }
}
