import type { Result } from '../result';
import type { ChannelName, RequestOf, ResponseOf } from './channels';
import type { EventName, EventPayload } from './events';

/** One function per contract channel; the preload's object must match this exactly. */
export type VigilChannels = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

export type Unsubscribe = () => void;

/** What the Electron preload exposes on `window.vigil`, and what the web transport implements. */
export interface VigilBridge {
  channels: VigilChannels;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
}
