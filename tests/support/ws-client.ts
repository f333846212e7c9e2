import WebSocket from 'ws';
import type { Result } from '../../shared/result';

/** A long-lived connection to the web host's WebSocket, speaking the page's frames: calls with ids, and pushed events. */
export interface WsClient {
  call(channel: string, request: unknown): Promise<Result<unknown>>;
  /** Every pushed event, with the host's event number. */
  onEvent(listener: (name: string, payload: unknown, seq: number) => void): void;
  close(): void;
}

export async function openWsClient(host: { origin: string; token: string }): Promise<WsClient> {
  const socket = new WebSocket(`ws://${new URL(host.origin).host}/ws?token=${encodeURIComponent(host.token)}`, { origin: host.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners: ((name: string, payload: unknown, seq: number) => void)[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id?: number; result?: Result<unknown>; name?: string; payload?: unknown; seq?: number };
    if (frame.type === 'result' && frame.id !== undefined && frame.result) {
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    } else if (frame.type === 'event' && frame.name) {
      for (const listener of listeners) listener(frame.name, frame.payload, frame.seq ?? -1);
    }
  });
  return {
    call: (channel, request) =>
      new Promise<Result<unknown>>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'call', id, channel, request }));
      }),
    onEvent: (listener) => listeners.push(listener),
    close: () => socket.close(),
  };
}
