import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';

/** Wrong PINs allowed for one username before it is locked. */
export const MAX_FAILED_SIGN_INS = 5;
/** Wrong PINs allowed on one connection (window or browser tab), whatever names it tries. */
export const MAX_FAILED_SIGN_INS_PER_CONNECTION = 10;
export const LOCKOUT_MINUTES = 15;
const LOCKOUT_MS = LOCKOUT_MINUTES * 60_000;
/** Counters of names not tried for a day are dropped, so guessing many names cannot grow the file without bound. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export type Reservation = { locked: false } | { locked: true; minutes: number };
/** The limit is reached only by checks still running: their outcome decides, so wait for it. */
type Reserved = Reservation | { wait: true };

/**
 * The lockout, counted in the database so a restart does not clear it. An attempt is
 * counted BEFORE its PIN is checked (and uncounted when it succeeds): however many guesses
 * arrive at once, at most MAX_FAILED_SIGN_INS of them are ever checked.
 *
 * An attempt that would pass the limit while other checks of the same name are still
 * running waits for them instead of locking the name: if they were right PINs the count
 * starts again and it goes ahead (a nurse's sign-in in several windows at once is not a
 * guess), if they were wrong it is refused as locked, unchecked, as before.
 */
export function createSignInAttempts(db: Database, clock: Clock) {
  // Checks counted in the file whose PIN is still being hashed, per key (this process only: after a crash they stay counted as failures).
  const running = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const get = db.prepare<[string], { failures: number; locked_until: number }>('SELECT failures, locked_until FROM sign_in_attempts WHERE key = ?');
  const upsert = db.prepare(
    `INSERT INTO sign_in_attempts (key, failures, locked_until, last_at) VALUES (:key, :failures, :lockedUntil, :now)
     ON CONFLICT (key) DO UPDATE SET failures = :failures, locked_until = :lockedUntil, last_at = :now`,
  );
  const clear = db.prepare<[string]>('DELETE FROM sign_in_attempts WHERE key = ?');
  const forget = db.prepare<[number, number]>('DELETE FROM sign_in_attempts WHERE last_at < ? AND locked_until < ?');
  const minutesLeft = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 60_000));

  const reserve = db.transaction((key: string): Reserved => {
    const now = clock.now();
    forget.run(now - FORGET_AFTER_MS, now);
    const row = get.get(key);
    if (row && row.locked_until > now) return { locked: true, minutes: minutesLeft(row.locked_until, now) };
    // A lock that has run out starts the count again.
    const failures = (row && row.locked_until === 0 ? row.failures : 0) + 1;
    if (failures > MAX_FAILED_SIGN_INS) {
      if ((running.get(key) ?? 0) > 0) return { wait: true };
      upsert.run({ key, failures, lockedUntil: now + LOCKOUT_MS, now });
      return { locked: true, minutes: LOCKOUT_MINUTES };
    }
    upsert.run({ key, failures, lockedUntil: 0, now });
    return { locked: false };
  });

  return {
    /**
     * Counts an attempt on `key` before its PIN is checked; answers whether it is locked.
     * Unless locked, the caller must call `finished(key)` once the PIN is checked (after `clear` for a right one).
     */
    async reserve(key: string): Promise<Reservation> {
      for (;;) {
        const reserved = reserve.immediate(key);
        if (!('wait' in reserved)) {
          if (!reserved.locked) running.set(key, (running.get(key) ?? 0) + 1);
          return reserved;
        }
        await new Promise<void>((resolve) => {
          const queue = waiting.get(key);
          if (queue) queue.push(resolve);
          else waiting.set(key, [resolve]);
        });
      }
    },
    /** A reserved attempt's PIN has been checked: attempts waiting on the same name count again. */
    finished(key: string): void {
      const left = (running.get(key) ?? 1) - 1;
      if (left > 0) running.set(key, left);
      else running.delete(key);
      const woken = waiting.get(key) ?? [];
      waiting.delete(key);
      for (const wake of woken) wake();
    },
    /** After a wrong PIN: locks the key once the limit is reached (the attempt is already counted). */
    settleWrong(key: string): Reservation {
      const now = clock.now();
      const row = get.get(key);
      if (!row) return { locked: false };
      if (row.locked_until > now) return { locked: true, minutes: minutesLeft(row.locked_until, now) };
      // Checks still running are counted but are not failures (yet): a right PIN among them starts the count again.
      if (row.failures - (running.get(key) ?? 0) < MAX_FAILED_SIGN_INS) return { locked: false };
      upsert.run({ key, failures: row.failures, lockedUntil: now + LOCKOUT_MS, now });
      return { locked: true, minutes: LOCKOUT_MINUTES };
    },
    /** After a right PIN, or an admin's reset. */
    clear: (key: string): void => {
      clear.run(key);
    },
    lockedMinutes(key: string): number | null {
      const now = clock.now();
      const row = get.get(key);
      return row && row.locked_until > now ? minutesLeft(row.locked_until, now) : null;
    },
  };
}

export type SignInAttempts = ReturnType<typeof createSignInAttempts>;
export const LOCKOUT_MS_FOR_CONNECTIONS = LOCKOUT_MS;
