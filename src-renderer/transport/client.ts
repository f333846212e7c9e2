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

let onLockedRefusal: (() => void) | null = null;

/** Called when main refuses a call because the workstation is locked (the window shows the lock screen). */
export function setLockedRefusalListener(listener: () => void): void {
  onLockedRefusal = listener;
}

/** A typed call through the one contract, whatever the transport. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const result = await bridge().channels[channel](request);
  if (!result.ok && result.error.code === 'workstation_locked') onLockedRefusal?.();
  return result;
}
