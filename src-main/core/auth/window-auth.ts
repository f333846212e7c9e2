import type { EventName } from '../../../shared/contract/events';
import type { Role, User } from '../../../shared/domain/user';
import type { AuthStatus } from '../../../shared/domain/views';
import type { ActRunner } from '../act';
import type { Clock } from '../clock';
import type { HandlerContext } from '../handler-kit';
import type { Logger } from '../logger';
import { classifyStorageFault, errorCodeOf } from '../storage-fault';
import type { ClinicConfigService } from '../services/clinic-config';
import type { ConnectionGuard, UserService } from '../services/users';

/** Most events carry patient data: only clinical staff hear them (an administrator manages users, not patients). */
const CLINICAL_ROLES: readonly Role[] = ['nurse', 'physician'];

/** Events about the console itself, with no patient data: an administrator's screens stay live on them. */
const HEARD_WITHOUT_CLINICAL_ROLE: ReadonlySet<EventName> = new Set<EventName>(['settings/changed', 'system/notice', 'monitor/changed', 'users/changed']);

/**
 * What a locked window still hears: alerts (no name, so the lock screen's chairs and the
 * sounder stay live), the clock, settings and notices about the console itself. Readings
 * and session rows (names, values) wait until someone unlocks.
 */
const HEARD_WHILE_LOCKED: ReadonlySet<EventName> = new Set<EventName>(['alert/changed', 'timer/tick', 'settings/changed', 'system/notice']);

export interface WindowAuthDeps {
  acts: ActRunner;
  users: UserService;
  clinicConfig: ClinicConfigService;
  /** The wall clock, for the view coalescing. */
  clock: Clock;
  /** Measures idle time (monotonic, so a moved test clock does not lock anyone out). */
  idleClock: Clock;
  /** Where a sign-out or lock the disk refused to record is written down. */
  logger: Logger;
}

/**
 * One window's sign-in, kept in main: who is signed in, whether the workstation is locked,
 * whom a quick switch hands back to, and this window's wrong-PIN count. Main, not the
 * renderer, locks a window after the clinic's idle time and decides what a locked window may
 * call and hear.
 */
export function createWindowAuth({ acts, users, clinicConfig, clock, idleClock, logger }: WindowAuthDeps) {
  let user: User | null = null;
  let mustChoosePin = false;
  let locked = false;
  let handBackTo: User | null = null;
  let lastCallAt = idleClock.now();
  const guard: ConnectionGuard = { failures: 0, lockedUntil: 0 };
  const viewedAt = new Map<string, number>();

  const lockAfterMs = () => clinicConfig.current().workstationLockMinutes * 60_000;
  const idle = () => idleClock.now() - lastCallAt >= lockAfterMs();

  /** A change of who is signed in made inside an act that then rolls back is undone with it. */
  function keepUntilCommit(): void {
    const before = { user, mustChoosePin, locked, handBackTo };
    acts.undoOnRollback(() => ({ user, mustChoosePin, locked, handBackTo } = before));
  }

  function signOut(): void {
    keepUntilCommit();
    user = null;
    mustChoosePin = false;
    locked = false;
    handBackTo = null;
    viewedAt.clear();
  }

  function lock(): void {
    keepUntilCommit();
    locked = true;
    // Whoever unlocks opens the record again: that is a new view.
    viewedAt.clear();
  }

  function status(setupRequired: boolean): AuthStatus {
    return { setupRequired, user, mustChoosePin, locked, handBackTo: handBackTo && { username: handBackTo.username, displayName: handBackTo.displayName } };
  }

  /**
   * Main's own changes, each an act of the user: a disabled or reset account is signed out;
   * after the clinic's idle time the window locks (a window still choosing its first PIN is
   * signed out instead). True when something changed.
   */
  function enforce(): boolean {
    if (!user) return false;
    const actor = { userId: user.id, name: user.username };
    if (!mustChoosePin && users.current(user.id) === null) {
      recorded('auth/accountChanged', () => acts.run({ actor, channel: 'auth/accountChanged', kind: 'write', detail: {} }, signOut), signOut);
      return true;
    }
    if (locked || !idle()) return false;
    if (mustChoosePin) recorded('auth/idleSignOut', () => acts.run({ actor, channel: 'auth/idleSignOut', kind: 'write', detail: {} }, signOut), signOut);
    else recorded('auth/idleLock', () => acts.run({ actor, channel: 'auth/idleLock', kind: 'write', detail: {} }, lock), lock);
    return true;
  }

  /**
   * Main's sign-out or lock happens even when the disk refuses its record: the window is never
   * left open for that. The audit trail then misses the entry, so the log says why.
   */
  function recorded(what: string, act: () => void, change: () => void): void {
    const userId = user?.id;
    try {
      act();
    } catch (error) {
      change();
      logger.error('a window was signed out or locked but the record of it was refused', {
        what,
        userId,
        fault: classifyStorageFault(error) ?? 'other',
        code: errorCodeOf(error),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** The handlers' view of this window for one call. */
  const context: HandlerContext = {
    get user() {
      return user;
    },
    get mustChoosePin() {
      return mustChoosePin;
    },
    get locked() {
      return locked;
    },
    get handBackTo() {
      return handBackTo;
    },
    guard,
    signIn(signedIn, options) {
      keepUntilCommit();
      user = signedIn;
      mustChoosePin = options?.mustChoosePin ?? false;
      locked = false;
      handBackTo = null;
    },
    signOut,
    lock,
    switchTo(next) {
      keepUntilCommit();
      // Switching back to the one handed over from ends the hand-over; anyone else can hand back to who was here.
      if (user && next.id !== user.id) {
        handBackTo = handBackTo?.id === next.id ? null : user;
        viewedAt.clear();
      }
      user = next;
      mustChoosePin = false;
      locked = false;
    },
    firstViewIn(key, windowMs) {
      const now = clock.now();
      const last = viewedAt.get(key);
      if (last !== undefined && now - last < windowMs && now >= last) return false;
      if (viewedAt.size > 500) viewedAt.clear();
      viewedAt.set(key, now);
      return true;
    },
    status: () => status(users.setupRequired()),
  };

  return {
    context,
    get user() {
      return user;
    },
    status: () => status(users.setupRequired()),
    enforce,
    /** A call from the window: main's changes first (true when it made one), then the call counts as activity. */
    beforeCall(): boolean {
      const changed = enforce();
      lastCallAt = idleClock.now();
      return changed;
    },
    /** Whether this window hears an event now (an idle window is treated as locked even before the sweep has locked it). */
    hears(name: EventName): boolean {
      if (!user || mustChoosePin) return false;
      if (locked || idle()) return HEARD_WHILE_LOCKED.has(name);
      return user.roles.some((role) => CLINICAL_ROLES.includes(role)) || HEARD_WITHOUT_CLINICAL_ROLE.has(name);
    },
  };
}

export type WindowAuth = ReturnType<typeof createWindowAuth>;
