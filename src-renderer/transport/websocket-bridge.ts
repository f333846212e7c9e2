import type { EventMeta, VigilBridge, VigilChannels } from '../../shared/contract/api';
import { CHANNEL_RULES } from '../../shared/contract/channel-rules';
import type { ChannelName } from '../../shared/contract/channels';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { ServerFrame } from '../../shared/contract/wire';
import type { Result } from '../../shared/result';
import { RECONNECT_GIVE_UP_MS, reconnectDelayMs } from './reconnect-policy';

/** `reconnecting`: the socket dropped and the bridge is trying again; `closed`: it gave up (a reload is needed). */
export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface WebSocketBridge extends VigilBridge {
  onLinkState(listener: (state: LinkState) => void): () => void;
  /** After a drop, once the socket is back: `resumed` says whether main kept this window's sign-in. */
  onReconnected(listener: (info: { resumed: boolean }) => void): () => void;
}

type AnyListener = (payload: unknown, meta: EventMeta) => void;

const LOST_IN_FLIGHT: Result<never> = { ok: false, error: { code: 'connection_lost', message: 'The link to Vigil dropped before it answered' } };
const NOT_SENT: Result<never> = { ok: false, error: { code: 'not_connected', message: 'Not connected to Vigil: nothing was sent' } };

/**
 * The contract over the loopback web host's WebSocket, healing itself after a drop.
 *
 * - A call in flight when the link drops resolves as `connection_lost`: it may have been
 *   saved, and the screen must say so rather than invite a duplicate entry.
 * - While reconnecting, a call that writes is refused at once as `not_connected` (nothing was
 *   sent, the entry stays on screen): writes are not queued or retried, because a reading,
 *   a dose or an acknowledgement sent twice would be charted twice. A read waits for the link
 *   and is then sent (it changes nothing).
 * - The socket reconnects with back-off (reconnect-policy.ts), presenting the single-use
 *   resume token main gave this socket, so main continues the same connection: no sign-in,
 *   no reload. `onReconnected` then lets the window reload what it shows.
 */
export function createWebSocketBridge(baseUrl: string): WebSocketBridge {
  let socket: WebSocket;
  let nextId = 1;
  let state: LinkState = 'connecting';
  let resumeToken: string | null = null;
  let droppedAt: number | null = null;
  let attempt = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const eventListeners = new Map<string, Set<AnyListener>>();
  const stateListeners = new Set<(state: LinkState) => void>();
  const reconnectListeners = new Set<(info: { resumed: boolean }) => void>();
  /** Reads waiting for the link. */
  let waiting: (() => void)[] = [];

  const setState = (next: LinkState) => {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(next);
    if (next === 'open' || next === 'closed') {
      const ready = waiting;
      waiting = [];
      for (const go of ready) go();
    }
  };

  function onFrame(frame: ServerFrame): void {
    if (frame.type === 'result') {
      pending.get(frame.id)?.(frame.result as Result<unknown>);
      pending.delete(frame.id);
    } else if (frame.type === 'hello') {
      resumeToken = frame.resumeToken;
      const wasDropped = droppedAt !== null;
      droppedAt = null;
      attempt = 0;
      setState('open');
      if (wasDropped) for (const listener of reconnectListeners) listener({ resumed: frame.resumed });
    } else {
      for (const listener of eventListeners.get(frame.name) ?? []) listener(frame.payload, { seq: frame.seq });
    }
  }

  function scheduleReconnect(): void {
    if (droppedAt !== null && Date.now() - droppedAt > RECONNECT_GIVE_UP_MS) {
      setState('closed');
      return;
    }
    setTimeout(open, reconnectDelayMs(attempt));
    attempt += 1;
  }

  function open(): void {
    // Kept until main answers with the next one: a refused upgrade has not spent it.
    const url = resumeToken ? `${baseUrl}&resume=${encodeURIComponent(resumeToken)}` : baseUrl;
    const current = new WebSocket(url);
    socket = current;
    current.addEventListener('message', (message) => onFrame(JSON.parse(String(message.data)) as ServerFrame));
    current.addEventListener('close', () => {
      if (socket !== current) return;
      for (const resolve of pending.values()) resolve(LOST_IN_FLIGHT);
      pending.clear();
      droppedAt ??= Date.now();
      setState('reconnecting');
      scheduleReconnect();
    });
  }

  const writes = (channel: string) => CHANNEL_RULES[channel as ChannelName]?.audit === 'write';

  async function call(channel: string, request: unknown): Promise<Result<unknown>> {
    if (state === 'reconnecting' && writes(channel)) return NOT_SENT;
    if (state === 'connecting' || state === 'reconnecting') await new Promise<void>((go) => waiting.push(go));
    if (state !== 'open') return NOT_SENT;
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'call', id, channel, request }));
    });
  }

  open();
  const channels = Object.fromEntries(Object.keys(CHANNEL_RULES).map((name) => [name, (request: unknown) => call(name, request)])) as unknown as VigilChannels;

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
    onReconnected(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}
