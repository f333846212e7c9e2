import type { VigilBridge } from '../../shared/contract/api';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract/channels';
import type { Result } from '../../shared/result';

let current: VigilBridge | null = null;
let kind: 'electron' | 'web' = 'web';

export function setBridge(bridge: VigilBridge, transportKind: 'electron' | 'web' = 'web'): void {
  current = bridge;
  kind = transportKind;
}

/** The desktop app (Electron preload) or a browser on the loopback web host. */
export function transportKind(): 'electron' | 'web' {
  return kind;
}

export function bridge(): VigilBridge {
  if (!current) throw new Error('The transport is not set up yet');
  return current;
}

/** A typed call through the one contract, whatever the transport. */
export function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  return bridge().channels[channel](request);
}
