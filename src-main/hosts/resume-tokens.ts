import { randomBytes } from 'node:crypto';
import type { CoreConnection } from '../core/vigil-core';

/**
 * How long a dropped socket's connection (its sign-in, lock state and idle clock, all kept in
 * main) waits for its window to come back. Past it the connection is closed and the window
 * reconnects signed out.
 */
export const RESUME_WINDOW_MS = 30_000;

interface Entry {
  connection: CoreConnection;
  /** Set while the socket is gone: only then may the token be used, and the timer closes the connection. */
  parkedTimer: NodeJS.Timeout | null;
}

export interface ResumeTokens {
  /** A fresh token for a connection whose socket is live (sent to that window only). */
  issue(connection: CoreConnection): string;
  /** The socket dropped: the connection waits RESUME_WINDOW_MS for its token, then closes. */
  park(token: string): void;
  /**
   * The parked connection this token names, once: the token is spent. A token of a live
   * socket, spent, expired or unknown gives null (the window then starts signed out).
   */
  take(token: string): CoreConnection | null;
  closeAll(): void;
}

/**
 * Resume tokens for the web host: one per socket, 32 random bytes, bound to one core
 * connection, single use, valid only while that connection's socket is gone and for at
 * most RESUME_WINDOW_MS. They travel only on the loopback socket to the window they name,
 * and the upgrade that presents one is held to the same Host, Origin and per-run token
 * checks as any other, so another page or origin cannot use one. Resuming continues the
 * same connection in main: a lock (by hand or idle, which goes on while parked) or a
 * sign-out stays as it was, and every act still runs as that connection's user.
 */
export function createResumeTokens(windowMs: number = RESUME_WINDOW_MS): ResumeTokens {
  const entries = new Map<string, Entry>();
  return {
    issue(connection) {
      const token = randomBytes(32).toString('base64url');
      entries.set(token, { connection, parkedTimer: null });
      return token;
    },
    park(token) {
      const entry = entries.get(token);
      if (!entry || entry.parkedTimer) return;
      entry.parkedTimer = setTimeout(() => {
        entries.delete(token);
        entry.connection.close();
      }, windowMs);
      entry.parkedTimer.unref();
    },
    take(token) {
      const entry = entries.get(token);
      if (!entry?.parkedTimer) return null;
      clearTimeout(entry.parkedTimer);
      entries.delete(token);
      return entry.connection;
    },
    closeAll() {
      for (const entry of entries.values()) if (entry.parkedTimer) clearTimeout(entry.parkedTimer);
      entries.clear();
    },
  };
}
