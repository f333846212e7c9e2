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

/** The desktop's file actions for exports (outside the contract: they touch the OS, not core). */
export const DESKTOP_SAVE_FILE = 'vigil:desktop:saveFile';
export const DESKTOP_PRINT_PDF = 'vigil:desktop:printPdf';
