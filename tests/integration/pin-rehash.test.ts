import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { openVigilCore } from '../../src-main/core/vigil-core';
import { createMemoryLogger } from '../support/memory-logger';
import { useTempDirs } from '../support/temp-dir';
import { ADMIN, callErr, callOk, openTestCore, setUpAdmin, T0 } from '../support/test-core';

const dirs = useTempDirs();

interface VersionRow {
  id: number;
  pin_hash: string;
  by_user_id: number | null;
  reason: string;
}

// A file whose PINs were hashed at a lower cost (here the test cost, N=2^10, standing in for an
// older Vigil's N=2^15) opened by a core at the production cost (N=2^17).
describe('PIN hashes below the current scrypt cost', () => {
  it('are hashed again at the next right PIN, as a new audited user version; a wrong PIN or a current hash changes nothing', async () => {
    const dataDir = dirs.make();
    const before = openTestCore(dataDir);
    await setUpAdmin(before.core);
    before.core.close();

    const core = openVigilCore({ dataDir, clock: new ManualClock(T0 + 60_000), logger: createMemoryLogger(), checkResponses: true });
    try {
      const versions = () => core.services.db.prepare<[], VersionRow>('SELECT id, pin_hash, by_user_id, reason FROM user_versions ORDER BY id').all();
      const [created] = versions();
      expect(created?.pin_hash).toMatch(/^scrypt\$1024\$8\$1\$/);

      expect(await callErr(core.connect(), 'auth/signIn', { username: ADMIN.username, pin: '999999' })).toMatchObject({ code: 'bad_credentials' });
      expect(versions()).toHaveLength(1);

      const admin = core.connect();
      const user = await callOk(admin, 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin });
      const after = versions();
      expect(after).toHaveLength(2);
      expect(after[1]).toMatchObject({ by_user_id: user.id, reason: 'PIN re-hashed at the current scrypt cost (N=131072, r=8, p=1)' });
      expect(after[1]?.pin_hash).toMatch(/^scrypt\$131072\$8\$1\$/);

      // The new version is in the sign-in's audit entry and the record still verifies.
      const [entry] = await callOk(admin, 'audit/list', { channel: 'auth/signIn', limit: 1 });
      expect(entry).toMatchObject({ channel: 'auth/signIn', outcome: 'ok' });
      expect(entry?.rows).toBeGreaterThan(0);
      expect(await callOk(admin, 'audit/verify', {})).toMatchObject({ intact: true, firstBreak: null });

      // The same PIN still signs in, now against the new hash, and nothing is re-hashed again.
      await callOk(core.connect(), 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin });
      expect(versions()).toHaveLength(2);
    } finally {
      core.close();
    }
  }, 60_000);
});
