import { randomInt } from 'node:crypto';
import type { NewUser, Role, User, UserAccount } from '../../../shared/domain/user';
import { fail, failKeepingWrites } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import type { PinHasher } from '../security/pin-hash';
import { createSignInAttempts, LOCKOUT_MS_FOR_CONNECTIONS, MAX_FAILED_SIGN_INS_PER_CONNECTION } from './sign-in-attempts';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  roles_json: string;
  pin_hash: string;
  pin_is_one_time: number;
  active: number;
  version_id: number;
  version_at: number;
}

const toUser = (row: UserRow): User => ({ id: row.id, username: row.username, displayName: row.display_name, roles: JSON.parse(row.roles_json) as Role[] });
const toAccount = (row: UserRow): UserAccount => ({ ...toUser(row), active: row.active === 1, mustChoosePin: row.pin_is_one_time === 1 });

/** The first account, created at first run, runs the clinic: it manages users and supervises. */
const FIRST_USER_ROLES: readonly Role[] = ['admin', 'physician'];
/** Every role but admin reaches patient data: granting one needs a physician's co-signature. */
export const CLINICAL_ROLES: readonly Role[] = ['nurse', 'physician', 'staff'];
/** A one-time code is good for three days; after that an admin resets the account again. */
const ONE_TIME_CODE_MS = 72 * 60 * 60_000;

/** A user with their current version (roles, PIN hash, active) from user_versions. */
const CURRENT = `SELECT u.id, u.username, u.display_name, v.roles_json, v.pin_hash, v.pin_is_one_time, v.active, v.id AS version_id, v.at AS version_at
  FROM users u JOIN user_versions v ON v.id = (SELECT MAX(id) FROM user_versions WHERE user_id = u.id)`;

/** Per window (connection): wrong PINs tried on it, whatever the names. */
export interface ConnectionGuard {
  failures: number;
  lockedUntil: number;
}

/** The outcome of the expensive part of a PIN check, settled inside the act. */
export type PinCheck =
  | { username: string; result: 'wrong' }
  /** `upgrade`: the right PIN hashed at today's cost, for a stored hash made at a lower one (and the version it replaces). */
  | { username: string; result: 'ok'; upgrade?: { pinHash: string; versionId: number } }
  | { username: string; result: 'locked'; minutes: number };

export interface UserServiceOptions {
  hasher: PinHasher;
  /** A user's row and version still match the digests their audit entries recorded (an edited file grants no role). */
  isGenuine(table: string, rowid: number): boolean;
}

/**
 * Accounts and sign-in. No account is ever deleted or edited in place: each change (PIN,
 * active) is a new user_versions row with who, when and why. PIN checks count against the
 * username in the database before the hash runs (see sign-in-attempts) and against the
 * connection; an unknown name costs the same hash as a known one.
 */
export function createUserService({ db, clock, bus, caches }: CoreDeps, { hasher, isGenuine }: UserServiceOptions) {
  const attempts = createSignInAttempts(db, clock);
  const byUsername = db.prepare<[string], UserRow>(`${CURRENT} WHERE u.username = ?`);
  const byId = db.prepare<[number], UserRow>(`${CURRENT} WHERE u.id = ?`);
  const all = db.prepare<[], UserRow>(`${CURRENT} ORDER BY u.display_name`);
  // Asked before every call a signed-in window makes; an account changes by a new version row.
  const currentMemo = caches.memo(['users', 'user_versions'], (id: number): User | null => {
    const row = byId.get(id);
    return row && row.active === 1 && row.pin_is_one_time === 0 ? toUser(row) : null;
  });
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const insert = db.prepare<[string, string, string, string, number]>('INSERT INTO users (username, display_name, roles_json, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertVersion = db.prepare(
    `INSERT INTO user_versions (user_id, roles_json, pin_hash, pin_is_one_time, active, at, by_user_id, reason)
     VALUES (:userId, :roles, :pinHash, :oneTime, :active, :at, :by, :reason)`,
  );
  const keyOf = (username: string) => `user:${username}`;

  function requireRow(userId: number): UserRow {
    const row = byId.get(userId);
    if (!row) fail({ code: 'not_found', message: `No user ${userId}`, field: 'userId' });
    return row;
  }

  function addVersion(row: UserRow, change: { pinHash?: string; oneTime?: boolean; active?: boolean }, by: number | null, reason: string): UserAccount {
    insertVersion.run({
      userId: row.id,
      roles: row.roles_json,
      pinHash: change.pinHash ?? row.pin_hash,
      oneTime: (change.oneTime ?? row.pin_is_one_time === 1) ? 1 : 0,
      active: (change.active ?? row.active === 1) ? 1 : 0,
      at: clock.now(),
      by,
      reason,
    });
    bus.emit('users/changed', { at: clock.now() });
    return toAccount(requireRow(row.id));
  }

  function insertUser(username: string, displayName: string, roles: readonly Role[], pinHash: string, oneTime: boolean, by: number | null): UserAccount {
    if (byUsername.get(username)) fail({ code: 'conflict', message: `The username ${username} is taken`, field: 'username', reason: 'username_taken' });
    const rolesJson = JSON.stringify([...new Set(roles)]);
    const now = clock.now();
    const userId = Number(insert.run(username, displayName, rolesJson, pinHash, now).lastInsertRowid);
    insertVersion.run({ userId, roles: rolesJson, pinHash, oneTime: oneTime ? 1 : 0, active: 1, at: now, by, reason: 'account created' });
    bus.emit('users/changed', { at: now });
    return toAccount(requireRow(userId));
  }

  function newOneTimeCode(): string {
    return String(randomInt(0, 10 ** 10)).padStart(10, '0');
  }

  /**
   * The expensive part of a PIN check, before the act: the cheap refusals first (connection
   * locked, name locked), the attempt counted in the file, then scrypt against the stored
   * hash or, for an unknown name, against nothing at the same cost.
   */
  async function checkPin(username: string, pin: string, guard: ConnectionGuard | null): Promise<PinCheck> {
    const now = clock.now();
    if (guard && guard.lockedUntil > now) return { username, result: 'locked', minutes: Math.ceil((guard.lockedUntil - now) / 60_000) };
    const key = keyOf(username);
    const reservation = await attempts.reserve(key);
    if (reservation.locked) return { username, result: 'locked', minutes: reservation.minutes };
    let row: UserRow | undefined;
    try {
      row = byUsername.get(username);
      const valid = row ? await hasher.verify(pin, row.pin_hash) : await hasher.verifyAgainstNothing(pin);
      if (!row || !valid) return { username, result: 'wrong' };
      // The right PIN starts the count again at once, so sign-ins of the same name waiting behind this check go ahead.
      attempts.clear(key);
    } finally {
      attempts.finished(key);
    }
    // A PIN hashed at an older, cheaper cost is hashed again now, while the PIN is at hand.
    if (row.pin_is_one_time === 0 && hasher.isBelowCost(row.pin_hash)) return { username, result: 'ok', upgrade: { pinHash: await hasher.hash(pin), versionId: row.version_id } };
    return { username, result: 'ok' };
  }

  /** Inside the act: a wrong or locked check fails the call but keeps its audit entry; a right one clears the count. */
  function settle(check: PinCheck, guard: ConnectionGuard | null): UserRow {
    const locked = (minutes: number): never =>
      failKeepingWrites({ code: 'locked', message: `Too many wrong PINs; try again in ${minutes} min`, field: 'pin', params: { minutes } });
    if (check.result === 'locked') locked(check.minutes);
    if (check.result === 'wrong') {
      if (guard) {
        guard.failures += 1;
        if (guard.failures >= MAX_FAILED_SIGN_INS_PER_CONNECTION) guard.lockedUntil = clock.now() + LOCKOUT_MS_FOR_CONNECTIONS;
      }
      const after = attempts.settleWrong(keyOf(check.username));
      if (after.locked) locked(after.minutes);
      failKeepingWrites({ code: 'bad_credentials', message: 'Unknown username or wrong PIN', field: 'pin' });
    }
    attempts.clear(keyOf(check.username));
    if (guard) guard.failures = 0;
    const row = byUsername.get(check.username);
    if (!row) return fail({ code: 'bad_credentials', message: 'Unknown username or wrong PIN', field: 'pin' });
    if (!isGenuine('users', row.id) || !isGenuine('user_versions', row.version_id)) {
      failKeepingWrites({ code: 'forbidden', message: `The account ${row.username} does not match its audit record; ask the administrator to verify the record`, reason: 'account_tampered' });
    }
    if (row.active !== 1) failKeepingWrites({ code: 'forbidden', message: `The account ${row.username} is disabled`, reason: 'account_disabled' });
    return row;
  }

  /** A co-signature: the physician's PIN, checked like a sign-in (and counted against their name). */
  function settleCosign(check: PinCheck): User {
    const row = settle(check, null);
    if (row.pin_is_one_time === 1 || !(JSON.parse(row.roles_json) as Role[]).includes('physician')) {
      failKeepingWrites({ code: 'forbidden', message: `${row.username} cannot co-sign: a physician with their own PIN must`, field: 'cosign.username', reason: 'cosign_not_physician' });
    }
    return toUser(row);
  }

  return {
    setupRequired: (): boolean => (count.get() as { n: number }).n === 0,

    /** The expensive part of first-run setup, only after the cheap check that it is still needed. */
    async prepareSetup(pin: string): Promise<string> {
      if ((count.get() as { n: number }).n > 0) fail({ code: 'setup_already_done', message: 'Vigil is already set up; sign in instead' });
      return hasher.hash(pin);
    },

    setup(input: { username: string; displayName: string }, pinHash: string): User {
      if ((count.get() as { n: number }).n > 0) fail({ code: 'setup_already_done', message: 'Vigil is already set up; sign in instead' });
      return toUser(requireRow(insertUser(input.username, input.displayName, FIRST_USER_ROLES, pinHash, false, null).id));
    },

    checkPin,

    /** Inside the sign-in act: the signed-in user, and whether they must choose a PIN first (a one-time code). */
    settleSignIn(check: PinCheck, guard: ConnectionGuard): { user: User; mustChoosePin: boolean } {
      const row = settle(check, guard);
      // Inside the sign-in act, so the new version and its audit entry commit together; skipped if the account changed meanwhile.
      if (check.result === 'ok' && check.upgrade && check.upgrade.versionId === row.version_id) {
        addVersion(row, { pinHash: check.upgrade.pinHash }, row.id, `PIN re-hashed at the current scrypt cost (N=${hasher.cost.N}, r=${hasher.cost.r}, p=${hasher.cost.p})`);
      }
      if (row.pin_is_one_time === 1 && clock.now() - row.version_at > ONE_TIME_CODE_MS) {
        failKeepingWrites({ code: 'bad_credentials', message: 'This one-time code has expired; ask an administrator to reset the account', field: 'pin', reason: 'code_expired' });
      }
      return { user: toUser(row), mustChoosePin: row.pin_is_one_time === 1 };
    },

    settleCosign,

    /** A re-entered PIN (a signature): the same check, without signing anyone in or out. */
    settleSignature: (check: PinCheck): User => toUser(settle(check, null)),

    /** Before the act: a one-time code and its hash, and the co-signer's PIN check when a clinical role is granted. */
    async prepareCreate(input: NewUser): Promise<{ code: string; codeHash: string; cosign: PinCheck | null }> {
      const clinical = input.roles.some((role) => CLINICAL_ROLES.includes(role));
      if (clinical && !input.cosign) {
        fail({ code: 'invalid_request', message: 'A clinical role needs a physician to co-sign with their PIN', field: 'cosign', reason: 'cosign_required' });
      }
      if (byUsername.get(input.username)) fail({ code: 'conflict', message: `The username ${input.username} is taken`, field: 'username', reason: 'username_taken' });
      const cosign = clinical && input.cosign ? await checkPin(input.cosign.username, input.cosign.pin, null) : null;
      const code = newOneTimeCode();
      return { code, codeHash: await hasher.hash(code), cosign };
    },

    create(input: NewUser, prepared: { code: string; codeHash: string; cosign: PinCheck | null }, byUserId: number): { user: UserAccount; oneTimeCode: string; cosignedBy: User | null } {
      const cosignedBy = prepared.cosign ? settleCosign(prepared.cosign) : null;
      const user = insertUser(input.username, input.displayName, input.roles, prepared.codeHash, true, byUserId);
      return { user, oneTimeCode: prepared.code, cosignedBy };
    },

    /** A new one-time code for a user who forgot their PIN (or was locked out); the old PIN stops working. */
    async prepareReset(): Promise<{ code: string; codeHash: string }> {
      const code = newOneTimeCode();
      return { code, codeHash: await hasher.hash(code) };
    },

    resetPin(userId: number, prepared: { code: string; codeHash: string }, byUserId: number, reason: string): { user: UserAccount; oneTimeCode: string } {
      const row = requireRow(userId);
      attempts.clear(keyOf(row.username));
      return { user: addVersion(row, { pinHash: prepared.codeHash, oneTime: true }, byUserId, reason), oneTimeCode: prepared.code };
    },

    setActive(userId: number, active: boolean, byUserId: number, reason: string): UserAccount {
      const row = requireRow(userId);
      if (!active && userId === byUserId) fail({ code: 'invalid_request', message: 'You cannot disable your own account', field: 'userId', reason: 'cannot_disable_self' });
      if ((row.active === 1) === active) return toAccount(row);
      return addVersion(row, { active }, byUserId, reason);
    },

    /** The hash of a PIN the user chose (before the act). */
    hashPin: (pin: string): Promise<string> => hasher.hash(pin),

    choosePin(userId: number, pinHash: string): User {
      const row = requireRow(userId);
      return toUser(requireRow(addVersion(row, { pinHash, oneTime: false }, userId, 'PIN chosen by the user').id));
    },

    get(id: number): User | null {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },

    /** Whether a signed-in user may still act: their account is active and its roles unchanged. */
    current: (id: number): User | null => currentMemo.get(id),

    list: (): UserAccount[] => all.all().map(toAccount),
  };
}

export type UserService = ReturnType<typeof createUserService>;
