import type { ListenerStatus } from '../../../shared/domain/monitor';
import { AppFailure } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import type { DeviceService } from '../services/devices';
import type { MonitorFeed } from '../services/monitor-feed';
import { buildAck } from './hl7-ack';
import { hl7v2, loadHl7v2, type HL7Message } from './hl7v2-lib';
import { DEFAULT_MLLP_LIMITS, startMllpListener, type MllpAnswer, type MllpLimits, type MllpListener } from './mllp-listener';
import { parsePcd01 } from './pcd01';

/** The MSH of a frame Vigil will not read whole (cut short or too big), to answer it by its control id. */
function headerOf(head: Buffer): HL7Message | null {
  try {
    return hl7v2().HL7Message.parse(head.toString('utf8').split('\r')[0] ?? '');
  } catch {
    return null;
  }
}

/**
 * The bedside monitor link: runs the MLLP listener as the settings say (or as `--mllp-port`
 * forces), and answers each message: AR when it cannot be read, AE when refused (with the
 * reason), AA once it is committed, charted or held.
 */
export function createMonitorLink(deps: CoreDeps, parts: { feed: MonitorFeed; devices: DeviceService }, limits: MllpLimits = DEFAULT_MLLP_LIMITS) {
  const { clock, logger, bus } = deps;
  const { feed, devices } = parts;
  let listener: MllpListener | null = null;
  let error: string | null = null;
  let forcedPort: number | null = null;
  let applying: Promise<void> = Promise.resolve();
  let closed = false;

  const answer: MllpAnswer = (event, peer) => {
    const now = clock.now();
    if (event.kind === 'truncated') return buildAck(headerOf(event.head), 'AR', 'The frame was cut short: a new start block came before its end block', now);
    if (event.kind === 'oversized') {
      logger.info('monitor message too large: refused', { address: peer.address, bytes: event.bytes });
      return buildAck(headerOf(event.head), 'AE', `The message is ${event.bytes} bytes; Vigil accepts up to ${limits.maxFrameBytes}`, now);
    }
    const parsed = parsePcd01(event.payload.toString('utf8'));
    if (!parsed.ok) {
      logger.info('monitor message refused', { address: peer.address, ack: parsed.ack, reason: parsed.reason });
      return buildAck(parsed.parsed, parsed.ack, parsed.reason, now);
    }
    try {
      const outcome = feed.receive(parsed.message, peer.address);
      // A device new on this connection: the listener tells who is connected once the chunk is answered.
      peer.deviceIds.add(parsed.message.deviceId);
      if (parsed.message.ignored.length > 0) logger.info('monitor observations left out', { deviceId: parsed.message.deviceId, ignored: parsed.message.ignored });
      logger.info('monitor message stored', { deviceId: parsed.message.deviceId, controlId: parsed.message.controlId, outcome: outcome.kind });
      return buildAck(parsed.parsed, 'AA', null, now);
    } catch (failure) {
      if (failure instanceof AppFailure) return buildAck(parsed.parsed, 'AE', failure.appError.message, now);
      logger.error('monitor message could not be stored', { error: String(failure) });
      return buildAck(parsed.parsed, 'AE', 'Vigil could not store the message; send it again', now);
    }
  };

  function publishConnections(): void {
    const ids = new Set<string>();
    for (const peer of listener?.peers() ?? []) for (const id of peer.deviceIds) ids.add(id);
    devices.setConnected(ids);
    bus.emit('monitor/changed', { at: clock.now() });
  }

  async function restart(): Promise<void> {
    const previous = listener;
    listener = null;
    if (previous) await previous.close();
    // Closed meanwhile (the core closes its database right after asking): start nothing, read nothing.
    if (closed) return;
    const { settings } = devices.listenerSettings();
    const port = forcedPort ?? settings.port;
    error = null;
    if (forcedPort === null && !settings.enabled) {
      publishConnections();
      return;
    }
    try {
      await loadHl7v2();
      listener = await startMllpListener({
        host: settings.bindAddress,
        port,
        allowedAddresses: settings.allowedAddresses,
        limits,
        answer,
        logger,
        onPeersChanged: publishConnections,
      });
      if (closed) {
        await listener.close();
        listener = null;
        return;
      }
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      logger.error('monitor listener could not start', { error, port, host: settings.bindAddress });
    }
    publishConnections();
  }

  return {
    /** (Re)applies the stored settings; `port` forces listening on that port (0: a free one), as `--mllp-port` does. */
    apply(options: { forcePort?: number } = {}): Promise<void> {
      if (options.forcePort !== undefined) forcedPort = options.forcePort;
      applying = applying.then(restart, restart);
      return applying;
    },

    /** Settles once the last (re)start asked for is done. */
    settled: (): Promise<void> => applying,

    status(): ListenerStatus {
      const { settings, changed } = devices.listenerSettings();
      return { settings, changed, listeningPort: listener?.port ?? null, error, connections: listener?.connections ?? 0 };
    },

    /** Stops at once from the caller's point of view: no restart still queued reads the settings after this. */
    async close(): Promise<void> {
      closed = true;
      await applying;
      const current = listener;
      listener = null;
      if (current) await current.close();
    },
  };
}

export type MonitorLink = ReturnType<typeof createMonitorLink>;
