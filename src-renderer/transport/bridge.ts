import type { VigilBridge } from '../../shared/contract/api';
import { createWebSocketBridge, type LinkState } from './websocket-bridge';

declare global {
  interface Window {
    /** Present when the page runs inside Vigil's Electron window (exposed by the preload). */
    vigil?: VigilBridge;
  }
}

export interface Transport {
  bridge: VigilBridge;
  kind: 'electron' | 'web';
  onLinkState(listener: (state: LinkState) => void): () => void;
  /** After a dropped link came back (web only: Electron's IPC does not drop). */
  onReconnected(listener: (info: { resumed: boolean }) => void): () => void;
}

/**
 * Electron's preload bridge when present; otherwise the loopback web host that served this
 * page, reached with the per-run token from the page address.
 */
export function pickTransport(): Transport {
  if (window.vigil) {
    return { bridge: window.vigil, kind: 'electron', onLinkState: (listener) => (listener('open'), () => undefined), onReconnected: () => () => undefined };
  }
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws?token=${encodeURIComponent(token)}`;
  const bridge = createWebSocketBridge(wsUrl);
  return { bridge, kind: 'web', onLinkState: bridge.onLinkState, onReconnected: bridge.onReconnected };
}
