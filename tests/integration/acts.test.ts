import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, CHANNEL_NAMES } from '../../shared/contract/channels';
import { AUDIT_KEY_FILE_NAME } from '../../src-main/core/audit/audit-key';
import { AUDIT_HEAD_RELATIVE_PATH } from '../../src-main/core/vigil-core';
import { useTempDirs } from '../support/temp-dir';
import { callErr, callOk, countRows, newPatient, openRaw, openSession, openTestCore, setUpAdmin } from '../support/test-core';

const dirs = useTempDirs();

function auditEntries(databasePath: string) {
  const db = openRaw(databasePath);
  try {
    return db.prepare('SELECT seq, actor, actor_user_id AS actorUserId, channel, kind, outcome, detail_json AS detail, (SELECT COUNT(*) FROM audit_entry_rows r WHERE r.seq = l.seq) AS rows FROM audit_log l ORDER BY seq').all() as {
      seq: number;
      actor: string;
      actorUserId: number | null;
      channel: string;
      kind: string;
      outcome: string;
      detail: string;
      rows: number;
    }[];
  } finally {
    db.close();
  }
}

describe('every contract call that writes is one act', () => {
  it('every channel names its audit class, and the record-opening reads are views', () => {
    for (const name of CHANNEL_NAMES) expect(['write', 'view', 'none'], name).toContain(CHANNELS[name].audit);
    expect(CHANNEL_NAMES.filter((name) => CHANNELS[name].audit === 'view')).toEqual(expect.arrayContaining(['session/get', 'patient/get', 'patient/history']));
  });

  it('appends one entry per write with who, what and the rows written; a refused call writes nothing and appends nothing', async () => {
    const t = openTestCore(dirs.make());
    try {
      const { connection, user } = await setUpAdmin(t.core);
      const patient = await callOk(connection, 'patient/create', newPatient());
      const before = auditEntries(t.databasePath);
      const last = before[before.length - 1];
      expect(last).toMatchObject({ actor: user.username, actorUserId: user.id, channel: 'patient/create', kind: 'write', outcome: 'ok', rows: 1 });
      expect(JSON.parse(last?.detail ?? '{}')).toMatchObject({ mrn: patient.mrn });
      // The setup entry never holds the PIN.
      expect(before.find((e) => e.channel === 'auth/setup')?.detail).not.toContain('pin');

      const refused = await callErr(connection, 'patient/create', newPatient({ mrn: patient.mrn }));
      expect(refused.code).toBe('conflict');
      expect(auditEntries(t.databasePath)).toHaveLength(before.length);
      expect(countRows(t.databasePath, 'patients')).toBe(1);
    } finally {
      t.core.close();
    }
  });

  it('a row written outside any act is vouched for by the next entry, even when an act in between was refused', async () => {
    const t = openTestCore(dirs.make());
    try {
      const { connection, user } = await setUpAdmin(t.core);
      const outside = t.core.services.patients.create(newPatient(), user.id);
      const refused = await callErr(connection, 'patient/create', newPatient({ mrn: outside.mrn }));
      expect(refused.code).toBe('conflict');
      await callOk(connection, 'patient/create', newPatient());
      const db = openRaw(t.databasePath);
      try {
        const vouching = db.prepare("SELECT r.seq FROM audit_entry_rows r WHERE r.tbl = 'patients' AND r.rid = ?").pluck().all(outside.id);
        const last = db.prepare('SELECT seq, channel FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; channel: string };
        expect(last.channel).toBe('patient/create');
        expect(vouching).toEqual([last.seq]);
      } finally {
        db.close();
      }
      expect((await callOk(connection, 'audit/verify', {})).intact).toBe(true);
    } finally {
      t.core.close();
    }
  });

  it('sends events only after the commit: a window told of a reading finds it in the file', async () => {
    const t = openTestCore(dirs.make());
    try {
      const { connection } = await setUpAdmin(t.core);
      const { session } = await openSession(connection);
      const seenInFile: number[] = [];
      connection.onEvent((name, payload) => {
        if (name !== 'reading/added') return;
        seenInFile.push(countRows(t.databasePath, 'readings', `id = ${(payload as { id: number }).id}`));
      });
      await callOk(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 70 } });
      expect(seenInFile).toEqual([1]);
    } finally {
      t.core.close();
    }
  });

  it('records the opening of a session record once per window for ten minutes', async () => {
    const t = openTestCore(dirs.make());
    try {
      const { connection } = await setUpAdmin(t.core);
      const { session } = await openSession(connection);
      const views = () => auditEntries(t.databasePath).filter((e) => e.kind === 'view' && e.channel === 'session/get');
      await callOk(connection, 'session/get', { sessionId: session.id });
      await callOk(connection, 'session/get', { sessionId: session.id });
      expect(views()).toHaveLength(1);
      expect(views()[0]).toMatchObject({ rows: 0, outcome: 'ok' });
      t.clock.advance(11 * 60_000);
      await callOk(connection, 'session/get', { sessionId: session.id });
      expect(views()).toHaveLength(2);
    } finally {
      t.core.close();
    }
  });

  it('keeps the key in an owner-only file and the head beside the backups', async () => {
    const t = openTestCore(dirs.make());
    try {
      await setUpAdmin(t.core);
      const keyPath = join(t.dataDir, AUDIT_KEY_FILE_NAME);
      if (process.platform !== 'win32') expect(statSync(keyPath).mode & 0o777).toBe(0o600);
      const headPath = join(t.dataDir, AUDIT_HEAD_RELATIVE_PATH);
      // Written once the act has answered (never on the way to its answer).
      await vi.waitFor(() => expect(existsSync(headPath)).toBe(true));
    } finally {
      t.core.close();
    }
    // A burst's head is written a moment later, and at the latest when Vigil closes.
    const head = JSON.parse(readFileSync(join(t.dataDir, AUDIT_HEAD_RELATIVE_PATH), 'utf8')) as { seq: number };
    expect(head.seq).toBe(auditEntries(t.databasePath).length);
  });
});

describe('the command-line verify', () => {
  it('answers intact (exit 0) for a whole record and names the break (exit 2) for a changed one', async () => {
    const { runVerify } = await import('../../src-main/hosts/verify-cli');
    const t = openTestCore(dirs.make());
    await setUpAdmin(t.core);
    t.core.close();
    const whole = runVerify(['--data-dir', t.dataDir]);
    expect(whole.exitCode).toBe(0);
    expect(JSON.parse(whole.output)).toMatchObject({ intact: true, firstBreak: null });
    const db = openRaw(t.databasePath);
    db.exec('DROP TRIGGER patients_no_update; DROP TRIGGER protocols_no_update');
    db.exec(`UPDATE protocols SET dose_per_kg = dose_per_kg + 0.01 WHERE id = 1`);
    db.close();
    const broken = runVerify(['--data-dir', t.dataDir]);
    expect(broken.exitCode).toBe(2);
    expect(JSON.parse(broken.output)).toMatchObject({ intact: false, firstBreak: { reason: 'row_changed', table: 'protocols', rowid: 1 } });
  });
});
