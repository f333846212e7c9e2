import type { ExportedFile } from '../domain/reports';
import type { Result } from '../result';
import type { ChannelName, RequestOf, ResponseOf } from './channels';
import type { EventName, EventPayload } from './events';

/** One function per contract channel; the preload's object must match this exactly. */
export type VigilChannels = {
  [C in ChannelName]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

export type Unsubscribe = () => void;

/** The desktop app's file actions for an exported file (the web host has none: the browser downloads it). */
export interface DesktopFiles {
  /** The OS save dialog, then an atomic write. */
  saveFile(file: ExportedFile): Promise<{ saved: true; path: string } | { saved: false; reason: 'canceled' | 'invalid' }>;
  /** Prints the PDF itself through the system's print dialog. */
  printPdf(file: ExportedFile): Promise<{ printed: boolean }>;
}

/** Delivered with every event: the core's event number, 1, 2, 3... A skipped number means missed events. */
export interface EventMeta {
  seq: number;
}

/** What the Electron preload exposes on `window.vigil`, and what the web transport implements. */
export interface VigilBridge {
  channels: VigilChannels;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>, meta: EventMeta) => void): Unsubscribe;
  /** Only in the desktop app. */
  desktop?: DesktopFiles;
}
