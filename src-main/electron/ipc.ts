import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract/channels';
import { err, type Result } from '../../shared/result';
import type { Logger } from '../core/logger';
import type { CoreConnection, VigilCore } from '../core/vigil-core';
import { callChannel, eventChannel } from './ipc-names';
import { isTrustedAppUrl } from './trusted-url';

/** The webContents this shell created itself (the main window); nothing else may call core. */
export interface TrustedContents {
  has(contents: WebContents): boolean;
}

/**
 * Why a call must not reach core, or null when it may: the sending frame still exists,
 * it is the main frame (not an iframe) of a webContents we created, and its page is
 * Vigil's own app:// origin.
 */
export function refuseSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: TrustedContents): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (!trusted.has(event.sender)) return 'the sender is not a Vigil window';
  if (frame.parent !== null || frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) return 'the sender is not the main frame';
  if (!isTrustedAppUrl(frame.url)) return `the sender page ${frame.url} is not Vigil's`;
  return null;
}

/**
 * Registers one ipcMain handler per contract channel. Each window gets its own core
 * connection (its own signed-in user), opened on its first call and closed with it;
 * core's events for that connection go to that window only. Core parses every request
 * and checks roles: the shell only decides who may talk to core at all.
 * Returns a function that removes the handlers and closes the connections.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<VigilCore, 'connect'>,
  trusted: TrustedContents,
  logger: Logger,
): () => void {
  const connections = new Map<WebContents, CoreConnection>();

  const connectionFor = (contents: WebContents): CoreConnection => {
    const existing = connections.get(contents);
    if (existing) return existing;
    const connection = core.connect();
    connection.onEvent((name, payload, seq) => {
      if (!contents.isDestroyed()) contents.send(eventChannel(name), payload, seq);
    });
    connections.set(contents, connection);
    contents.once('destroyed', () => {
      connection.close();
      connections.delete(contents);
    });
    return connection;
  };

  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(callChannel(channel), async (event, request: unknown): Promise<Result<unknown>> => {
      const refused = refuseSender(event, trusted);
      if (refused) {
        logger.error('ipc call refused', { channel, reason: refused });
        return err({ code: 'forbidden', message: `Refused ${channel}: ${refused}` });
      }
      try {
        return await connectionFor(event.sender).call(channel, request);
      } catch (error) {
        // Core returns failures as values; this is a last guard so a bug never leaves the page waiting.
        logger.error('ipc call failed', { channel, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        return err({ code: 'internal', message: 'Vigil could not complete this request. The error is in the log.' });
      }
    });
  }

  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(callChannel(channel));
    for (const connection of connections.values()) connection.close();
    connections.clear();
  };
}
