import type { EventMeta, VigilBridge, VigilChannels } from '../../shared/contract/api';
import { CHANNEL_NAMES } from '../../shared/contract/channels';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { ServerFrame } from '../../shared/contract/wire';
import type { Result } from '../../shared/result';

export type LinkState = 'connecting' | 'open' | 'closed';

export interface WebSocketBridge extends VigilBridge {
  onLinkState(listener: (state: LinkState) => void): () => void;
}

type AnyListener = (payload: unknown, meta: EventMeta) => void;

/**
 * The contract over the loopback web host's WebSocket. A call in flight when the link drops
 * resolves as `connection_lost`: it may have been saved, and the screen must say so rather
 * than invite a duplicate entry.
 */
export function createWebSocketBridge(url: string): WebSocketBridge {
  const socket = new WebSocket(url);
  let nextId = 1;
  let state: LinkState = 'connecting';
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const eventListeners = new Map<string, Set<AnyListener>>();
  const stateListeners = new Set<(state: LinkState) => void>();

  const setState = (next: LinkState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const opened = new Promise<void>((resolve) => {
    socket.addEventListener('open', () => {
      setState('open');
      resolve();
    });
  });

  socket.addEventListener('message', (message) => {
    const frame = JSON.parse(String(message.data)) as ServerFrame;
    if (frame.type === 'result') {
      pending.get(frame.id)?.(frame.result as Result<unknown>);
      pending.delete(frame.id);
    } else {
      for (const listener of eventListeners.get(frame.name) ?? []) listener(frame.payload, { seq: frame.seq });
    }
  });

  socket.addEventListener('close', () => {
    setState('closed');
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'connection_lost', message: 'The link to Vigil dropped before it answered' } });
    }
    pending.clear();
  });

  async function call(channel: string, request: unknown): Promise<Result<unknown>> {
    if (state === 'connecting') await opened;
    if (state === 'closed') return { ok: false, error: { code: 'connection_lost', message: 'Not connected to Vigil' } };
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'call', id, channel, request }));
    });
  }

  const channels = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (request: unknown) => call(name, request)])) as unknown as VigilChannels;

  return {
    channels,
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>, meta: EventMeta) => void) {
      const set = eventListeners.get(event) ?? new Set<AnyListener>();
      set.add(listener as AnyListener);
      eventListeners.set(event, set);
      return () => set.delete(listener as AnyListener);
    },
    onLinkState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
}
