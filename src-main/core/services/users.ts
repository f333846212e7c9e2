import type { NewUser, Role, User } from '../../../shared/domain/user';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import { hashPin, verifyPin } from '../security/pin-hash';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  roles_json: string;
  pin_hash: string;
  version_id: number;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: JSON.parse(row.roles_json) as Role[],
});

/** Failed sign-ins allowed before a username is locked for a while (4-digit PINs are guessable). */
const MAX_FAILED_SIGN_INS = 5;
const LOCKOUT_MS = 5 * 60_000;

/** The first account, created at first run, runs the clinic: it manages users and supervises. */
const FIRST_USER_ROLES: readonly Role[] = ['admin', 'physician'];

/** A user with their current version (roles, PIN hash, active) from user_versions. */
const CURRENT = `SELECT u.id, u.username, u.display_name, v.roles_json, v.pin_hash, v.id AS version_id
  FROM users u JOIN user_versions v ON v.id = (SELECT MAX(id) FROM user_versions WHERE user_id = u.id)`;

export function createUserService({ db, clock }: CoreDeps) {
  const byUsername = db.prepare<[string], UserRow>(`${CURRENT} WHERE u.username = ?`);
  const byId = db.prepare<[number], UserRow>(`${CURRENT} WHERE u.id = ?`);
  const all = db.prepare<[], UserRow>(`${CURRENT} ORDER BY u.display_name`);
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const insert = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO users (username, display_name, roles_json, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertVersion = db.prepare(
    'INSERT INTO user_versions (user_id, roles_json, pin_hash, pin_is_one_time, active, at, by_user_id, reason) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
  );
  const failures = new Map<string, { count: number; lockedUntil: number }>();

  function insertUser(username: string, displayName: string, roles: readonly Role[], pinHash: string, byUserId: number | null): User {
    if (byUsername.get(username)) fail({ code: 'conflict', message: `The username ${username} is taken`, field: 'username', reason: 'username_taken' });
    const rolesJson = JSON.stringify([...new Set(roles)]);
    const now = clock.now();
    const { lastInsertRowid } = insert.run(username, displayName, rolesJson, pinHash, now);
    insertVersion.run(Number(lastInsertRowid), rolesJson, pinHash, 0, now, byUserId, 'account created');
    return toUser(byId.get(Number(lastInsertRowid)) as UserRow);
  }

  return {
    setupRequired: (): boolean => (count.get() as { n: number }).n === 0,

    /** The expensive part of first-run setup, after the cheap check that it is still needed. */
    async prepareSetup(pin: string): Promise<string> {
      if ((count.get() as { n: number }).n > 0) fail({ code: 'setup_already_done', message: 'Vigil is already set up; sign in instead' });
      return hashPin(pin);
    },

    setup(input: { username: string; displayName: string }, pinHash: string): User {
      if ((count.get() as { n: number }).n > 0) fail({ code: 'setup_already_done', message: 'Vigil is already set up; sign in instead' });
      return insertUser(input.username, input.displayName, FIRST_USER_ROLES, pinHash, null);
    },

    prepareCreate: (input: NewUser): Promise<string> => hashPin(input.pin),

    create(input: NewUser, pinHash: string, byUserId: number): User {
      return insertUser(input.username, input.displayName, input.roles, pinHash, byUserId);
    },

    async signIn(username: string, pin: string): Promise<User> {
      const now = clock.now();
      const record = failures.get(username);
      if (record && record.lockedUntil > now) {
        fail({
          code: 'bad_credentials',
          message: `Too many wrong PINs for ${username}; try again in ${Math.ceil((record.lockedUntil - now) / 60_000)} min`,
          field: 'pin',
          params: { minutes: Math.ceil((record.lockedUntil - now) / 60_000) },
        });
      }
      const row = byUsername.get(username);
      const valid = row ? await verifyPin(pin, row.pin_hash) : false;
      if (!row || !valid) {
        const count = (record?.count ?? 0) + 1;
        failures.set(username, { count, lockedUntil: count >= MAX_FAILED_SIGN_INS ? now + LOCKOUT_MS : 0 });
        fail({ code: 'bad_credentials', message: 'Unknown username or wrong PIN', field: 'pin' });
      }
      failures.delete(username);
      return toUser(row);
    },

    get(id: number): User | null {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },

    list: (): User[] => all.all().map(toUser),
  };
}

export type UserService = ReturnType<typeof createUserService>;
