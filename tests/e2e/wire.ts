import WebSocket from 'ws';
import type { ChannelName, RequestOf } from '../../shared/contract/channels';
import type { Result } from '../../shared/result';
import type { RunningHost } from './host';

/**
 * Calls channels over a fresh connection to the web host, as the page's transport does, so a
 * test can show what main itself answers (for example to a call the UI never offers).
 * Sign-in belongs to the connection, so `auth/signIn` first acts as that user.
 */
export async function withConnection<T>(host: RunningHost, use: (call: <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<Result<unknown>>) => Promise<T>): Promise<T> {
  const socket = new WebSocket(`ws://${new URL(host.origin).host}/ws?token=${encodeURIComponent(host.token)}`, { origin: host.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id?: number; result?: Result<unknown> };
    if (frame.type === 'result' && frame.id !== undefined && frame.result) pending.get(frame.id)?.(frame.result);
  });
  const call = <C extends ChannelName>(channel: C, request: RequestOf<C>) =>
    new Promise<Result<unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'call', id, channel, request }));
    });
  try {
    return await use(call);
  } finally {
    socket.close();
  }
}
