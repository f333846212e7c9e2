import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../logger';
import { MllpFramer, frameMllp, type MllpFrameEvent } from './mllp-framer';

/** Limits that keep one bad or slow peer from taking the listener (or the workstation) down. */
export interface MllpLimits {
  /** A bigger frame is refused (a monitor's minute is a few kilobytes). */
  maxFrameBytes: number;
  /** A frame begun and not finished within this is dropped with its connection (a stalled or slowloris peer). */
  frameTimeoutMs: number;
  /** A connection that sends nothing for this long is closed; monitors reconnect. */
  idleTimeoutMs: number;
  maxConnections: number;
}

export const DEFAULT_MLLP_LIMITS: MllpLimits = { maxFrameBytes: 1024 * 1024, frameTimeoutMs: 30_000, idleTimeoutMs: 10 * 60_000, maxConnections: 64 };

export interface Peer {
  address: string;
  /** Equipment ids whose messages came over this connection (for "monitor connected"). */
  deviceIds: Set<string>;
}

/** Answers one framing event: the ACK to send back, or null when there is nothing to answer (garbage). */
export type MllpAnswer = (event: Exclude<MllpFrameEvent, { kind: 'garbage' }>, peer: Peer) => string | null;

export interface MllpListenerOptions {
  host: string;
  port: number;
  /** Addresses allowed to connect; empty allows any (only sensible on loopback, which the settings enforce). */
  allowedAddresses: readonly string[];
  limits: MllpLimits;
  answer: MllpAnswer;
  logger: Logger;
  onPeersChanged?: (peers: readonly Peer[]) => void;
}

export interface MllpListener {
  readonly port: number;
  readonly connections: number;
  peers(): Peer[];
  close(): Promise<void>;
}

/** `::ffff:10.0.0.5` (an IPv4 peer on a dual-stack socket) is 10.0.0.5. */
const plainAddress = (address: string | undefined): string => (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * The MLLP server: frames in, one ACK out per message, on node:net. It never throws to its
 * caller: a bad frame is answered, a bad connection is closed, and the server keeps listening.
 */
export function startMllpListener(options: MllpListenerOptions): Promise<MllpListener> {
  const { limits, logger } = options;
  const sockets = new Map<Socket, Peer>();
  const allowed = new Set(options.allowedAddresses.map(plainAddress));
  const peersChanged = () => options.onPeersChanged?.([...sockets.values()]);

  function serve(socket: Socket): void {
    const address = plainAddress(socket.remoteAddress);
    if (allowed.size > 0 && !allowed.has(address)) {
      logger.info('monitor connection refused: address not allowed', { address });
      socket.destroy();
      return;
    }
    const peer: Peer = { address, deviceIds: new Set() };
    sockets.set(socket, peer);
    const framer = new MllpFramer(limits.maxFrameBytes);
    let frameTimer: NodeJS.Timeout | null = null;
    socket.setKeepAlive(true, 30_000);
    socket.setNoDelay(true);
    socket.setTimeout(limits.idleTimeoutMs, () => {
      logger.info('monitor connection idle: closed', { address });
      socket.destroy();
    });

    const send = (ack: string) => {
      // A peer that does not read its ACKs is not read from until it does (bounded memory).
      if (!socket.write(frameMllp(ack))) {
        socket.pause();
        socket.once('drain', () => socket.resume());
      }
    };

    socket.on('data', (chunk: Buffer) => {
      const devicesBefore = peer.deviceIds.size;
      let events: MllpFrameEvent[];
      try {
        events = framer.push(chunk);
      } catch (error) {
        logger.error('monitor framing failed: connection closed', { address, error: String(error) });
        socket.destroy();
        return;
      }
      for (const event of events) {
        if (event.kind === 'garbage') {
          logger.info('monitor sent bytes outside a frame: skipped', { address, bytes: event.bytes });
          continue;
        }
        let ack: string | null;
        try {
          ack = options.answer(event, peer);
        } catch (error) {
          logger.error('monitor message handling failed', { address, error: String(error) });
          ack = null;
        }
        if (ack !== null && !socket.destroyed) send(ack);
      }
      if (framer.midFrame && frameTimer === null) {
        frameTimer = setTimeout(() => {
          logger.info('monitor frame not finished in time: connection closed', { address, ms: limits.frameTimeoutMs });
          socket.destroy();
        }, limits.frameTimeoutMs);
      } else if (!framer.midFrame && frameTimer !== null) {
        clearTimeout(frameTimer);
        frameTimer = null;
      }
      // Only a device new on this connection changes who is connected: not every message (20 monitors at
      // one a second made every window reload its device and held lists 20 times a second).
      if (peer.deviceIds.size !== devicesBefore) peersChanged();
    });
    socket.on('error', (error) => logger.info('monitor connection error', { address, error: error.message }));
    socket.on('close', () => {
      if (frameTimer) clearTimeout(frameTimer);
      sockets.delete(socket);
      peersChanged();
    });
  }

  const server: Server = createServer(serve);
  server.maxConnections = limits.maxConnections;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      server.on('error', (error) => logger.error('monitor listener error', { error: error.message }));
      const bound = server.address();
      const port = typeof bound === 'object' && bound ? bound.port : options.port;
      logger.info('monitor listener started', { host: options.host, port });
      resolve({
        port,
        get connections() {
          return sockets.size;
        },
        peers: () => [...sockets.values()],
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets.keys()) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
