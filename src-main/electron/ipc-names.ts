import type { ChannelName } from '../../shared/contract/channels';
import type { EventName } from '../../shared/contract/events';

// Electron IPC names for the contract. Imported by the sandboxed preload, so this file
// holds constants and type imports only (no zod, no Node).

export function callChannel(name: ChannelName): string {
  return `vigil:call:${name}`;
}

export function eventChannel(name: EventName): string {
  return `vigil:event:${name}`;
}
