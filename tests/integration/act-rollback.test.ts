import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_SETTINGS } from '../../shared/clinical/alarm-settings';
import { DEFAULT_ALERT_RULES } from '../../shared/clinical/alert-rules';
import { PHQ9_ITEM_IDS, type Phq9Answers } from '../../shared/clinical/phq9';
import { CHANNELS, CHANNEL_NAMES, type ChannelName, type RequestOf, type ResponseOf } from '../../shared/contract/channels';
import { DEFAULT_CLINIC_CONFIG } from '../../shared/domain/clinic-config';
import { formatHl7Time } from '../../src-main/core/monitor/hl7-time';
import { loadHl7v2 } from '../../src-main/core/monitor/hl7v2-lib';
import { parsePcd01 } from '../../src-main/core/monitor/pcd01';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { pcd01Message } from '../support/pcd01-samples';
import { useTempDirs } from '../support/temp-dir';
import { ADMIN, BASELINE_VITALS, fieldsOf, findProtocol, holdTickerInterval, MINUTE, negativeScreening, newPatient, NURSE, openRaw, openTestCore, passingAssessment, type TestCore } from '../support/test-core';

holdTickerInterval();
const dirs = useTempDirs();

const WRITE_CHANNELS = CHANNEL_NAMES.filter((name) => CHANNELS[name].audit === 'write');
/** The audit trail's own statements (the entry, its row digests, the capture list): written last in every act. */
const AUDIT_STATEMENT = /\baudit_(log|rows|touched)\b/;
const INJECTED = 'SQLITE_IOERR_WRITE';

interface Probe {
  writes: string[];
  failAt: number | null;
  failCommit: boolean;
}

/**
 * Wraps the core's connection so a test can count the statements an act writes and make one
 * of them (or the COMMIT) fail as a failing disk would. Only writes inside a transaction of
 * the core's own connection are counted.
 */
const TRANSACTION_END = new Set(['COMMIT', 'ROLLBACK']);

function instrument(db: Database): { set(probe: Probe | null): void } {
  let probe: Probe | null = null;
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as { run: Statement['run'] };
  const run = proto.run;
  proto.run = function (this: Statement, ...args: unknown[]) {
    // The act's own COMMIT and ROLLBACK are prepared statements: not writes of the act.
    if (probe && this.database === db && TRANSACTION_END.has(this.source)) {
      if (probe.failCommit && this.source === 'COMMIT') throw Object.assign(new Error('injected failure at COMMIT'), { code: INJECTED });
    } else if (probe && this.database === db && db.inTransaction) {
      const index = probe.writes.length;
      probe.writes.push(this.source);
      if (probe.failAt === index) throw Object.assign(new Error(`injected failure at write ${index}: ${this.source.slice(0, 80)}`), { code: INJECTED });
    }
    return run.apply(this, args as Parameters<Statement['run']>);
  } as Statement['run'];
  return {
    set(next) {
      probe = next;
    },
  };
}

/**
 * Every committed row of every table, as a second connection sees it. Left out: the PIN
 * attempt counter, which by design counts an attempt in its own transaction before the PIN
 * is checked (sign-in-attempts.ts), so a failed act cannot hand out a free guess.
 */
function fingerprint(raw: Database): string {
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'sign_in_attempts' ORDER BY name`).pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) hash.update(table).update(JSON.stringify(raw.prepare(`SELECT * FROM "${table}"`).raw().all()));
  return hash.digest('hex');
}

describe('one act, one transaction: a failure in the last statement of any writing call stores nothing of it', () => {
  it('injects a failure into the last statement of every writing channel (and into its audit entry and its COMMIT): nothing stored, no event, and the call then succeeds', async () => {
    const t: TestCore = openTestCore(dirs.make());
    const db = t.core.services.db;
    const injector = instrument(db);
    const raw = openRaw(t.databasePath);
    const tried = new Map<string, { handlerWrites: number; injections: number }>();
    let heard = 0;

    /** One writing call, tried three times with a failure injected, then for real. */
    async function act<C extends ChannelName>(connection: CoreConnection, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      if (CHANNELS[channel].audit !== 'write') throw new Error(`${channel} is not a writing channel`);
      // Events of earlier acts sent on a later turn (the monitor feed's) arrive first.
      await new Promise((resolve) => setImmediate(resolve));
      const before = fingerprint(raw);
      const heardBefore = heard;
      const signedInBefore = connection.user?.id ?? null;
      const failing = async (probe: Probe, what: string) => {
        injector.set(probe);
        const result = await connection.call(channel, request);
        injector.set(null);
        expect(result, `${channel}, failure at ${what}: ${JSON.stringify(result)}`).toMatchObject({ ok: false, error: { code: 'storage_io', params: { act: 'write' } } });
        expect(fingerprint(raw), `${channel}, failure at ${what}: nothing stored`).toBe(before);
        expect(heard, `${channel}, failure at ${what}: no event`).toBe(heardBefore);
        // Nor in memory: a failed sign-in, set-up or sign-out leaves the window as it was.
        expect(connection.user?.id ?? null, `${channel}, failure at ${what}: the window's sign-in`).toBe(signedInBefore);
      };
      // 1. The COMMIT fails: this also lists the statements the act writes.
      const listed: Probe = { writes: [], failAt: null, failCommit: true };
      await failing(listed, 'COMMIT');
      const handlerWrites = listed.writes.filter((source) => !AUDIT_STATEMENT.test(source)).length;
      let injections = 1;
      // 2. The handler's own last statement fails (the audit entry after it is never reached).
      if (handlerWrites > 0) {
        const lastOwn = listed.writes.findLastIndex((source) => !AUDIT_STATEMENT.test(source));
        await failing({ writes: [], failAt: lastOwn, failCommit: false }, `its last statement (${listed.writes[lastOwn]?.slice(0, 60)})`);
        injections += 1;
      }
      // 3. The act's very last statement (the audit entry) fails.
      await failing({ writes: [], failAt: listed.writes.length - 1, failCommit: false }, 'the audit entry');
      injections += 1;
      tried.set(channel, { handlerWrites, injections });
      const result = await connection.call(channel, request);
      if (!result.ok) throw new Error(`${channel} failed for real after the injections: ${JSON.stringify(result.error)}`);
      return result.value as ResponseOf<C>;
    }

    // The clinic, through every writing channel.
    const doctor = t.core.connect();
    await act(doctor, 'auth/setup', { ...ADMIN });
    doctor.onEvent(() => (heard += 1));
    const { oneTimeCode } = await act(doctor, 'user/create', { username: NURSE.username, displayName: NURSE.displayName, roles: ['nurse'], cosign: { username: ADMIN.username, pin: ADMIN.pin } });
    const nurse = t.core.connect();
    await act(nurse, 'auth/signIn', { username: NURSE.username, pin: oneTimeCode });
    await act(nurse, 'auth/choosePin', { pin: NURSE.pin });
    await act(nurse, 'auth/signOut', {});
    await act(nurse, 'auth/signIn', { username: NURSE.username, pin: NURSE.pin });
    await act(nurse, 'auth/lock', {});
    await act(nurse, 'auth/switchUser', { username: NURSE.username, pin: NURSE.pin });
    nurse.onEvent(() => (heard += 1));
    const it = await act(doctor, 'user/create', { username: 'ivo.it', displayName: 'Ivo IT', roles: ['admin'] });
    await act(doctor, 'user/resetPin', { userId: it.user.id, reason: 'Lost the code' });
    await act(doctor, 'user/setActive', { userId: it.user.id, active: false, reason: 'Left the clinic' });

    const standard = await findProtocol(doctor);
    const created = await act(doctor, 'protocol/create', { ...fieldsOf(standard), name: 'Rollback protocol' });
    const revised = await act(doctor, 'protocol/revise', { protocolId: created.id, fields: { ...fieldsOf(created), dosePerKg: 0.6, softMaxPerKg: 0.9 } });
    await act(doctor, 'protocol/retire', { protocolId: revised.id });

    const patient = await act(doctor, 'patient/create', newPatient());
    await act(doctor, 'patient/setDetails', { patientId: patient.id, allergies: 'Latex' });
    await act(doctor, 'clinic/setChairs', { chairs: [{ id: 1, name: 'Chair 1' }], reason: 'Our first chair' });
    const session = await act(doctor, 'session/create', { patientId: patient.id, chair: 'Chair 1', protocolId: standard.id });
    await act(doctor, 'screening/record', negativeScreening(session.id, { contraindications: { ...negativeScreening(session.id).contraindications, pregnancy: true } }));
    await act(doctor, 'override/add', { sessionId: session.id, kind: 'contraindication', reason: 'Negative pregnancy test today' });
    await act(doctor, 'dose/order', { sessionId: session.id, dosePerKg: 0.5 });
    const { reading: baseline } = await act(doctor, 'reading/add', { sessionId: session.id, values: { ...BASELINE_VITALS } });
    const answers = { ...(Object.fromEntries(PHQ9_ITEM_IDS.map((id) => [id, 1])) as Phq9Answers), selfHarm: 0 };
    await act(doctor, 'phq9/record', { sessionId: session.id, answers });
    await act(doctor, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    await act(doctor, 'rules/set', { rules: [...DEFAULT_ALERT_RULES], reason: 'Reviewed, unchanged' });
    const sbp = DEFAULT_ALERT_RULES.find((rule) => rule.id === 'sbp-above-160');
    if (!sbp) throw new Error('no sbp-above-160 rule');
    await act(doctor, 'rules/overrideForSession', { sessionId: session.id, ruleId: sbp.id, rule: { ...sbp, comparison: { kind: 'above', limit: 170 } } as RequestOf<'rules/overrideForSession'>['rule'], reason: 'Known hypertensive' });
    await act(doctor, 'clinic/setConfig', { config: { ...DEFAULT_CLINIC_CONFIG, chairs: [{ id: 1, name: 'Chair 1' }] }, reason: 'Reviewed, unchanged' });
    await act(doctor, 'settings/update', { settings: { ...DEFAULT_ALARM_SETTINGS, audioPauseSeconds: 60 }, reason: 'Clinic policy' });

    t.clock.advance(MINUTE);
    const high = await act(nurse, 'reading/add', { sessionId: session.id, values: { systolicMmHg: 190, diastolicMmHg: 100 } });
    await act(nurse, 'reading/correct', { readingId: baseline.id, values: { ...BASELINE_VITALS, heartRateBpm: 74 }, reason: 'Typed into the wrong field' });
    const alertId = (((await nurse.call('alert/list', { sessionId: session.id, state: 'active' })) as { ok: true; value: { id: number }[] }).value[0]?.id) ?? 0;
    expect(alertId, 'the high blood pressure raised an alert').toBeGreaterThan(0);
    await act(nurse, 'alert/audioPause', { alertId });
    await act(doctor, 'alert/acknowledge', { alertId, note: 'Recheck in 5 min' });
    await act(nurse, 'alert/resolve', { alertId, reason: 'Repeat cuff normal' });
    await act(nurse, 'reading/annotate', { readingId: high.reading.id, kind: 'artifact', reason: 'Cuff on the moving arm' });
    const note = await act(nurse, 'event/add', { sessionId: session.id, event: { kind: 'note', text: 'Asked for a blanket' } });
    await act(nurse, 'event/retract', { eventId: note.id, reason: 'Entered on the wrong chair' });

    // The monitor feed: a bound device's message is charted unvalidated, an unknown device's is held.
    await act(doctor, 'monitor/configure', { settings: { enabled: false, port: 0, bindAddress: '127.0.0.1', allowedAddresses: [] }, reason: 'Monitors through the local gateway' });
    await act(doctor, 'device/bind', { deviceId: 'A1A1A1A1A1A1A1A1', chair: 'Chair 1' });
    await loadHl7v2();
    const feed = (deviceId: string, controlId: string, value: number) => {
      const parsed = parsePcd01(pcd01Message({ controlId, deviceId, patientId: patient.mrn, observedAt: formatHl7Time(t.clock.now()), observations: [{ code: '150456', mnemonic: 'MDC_PULS_OXIM_SAT_O2', value, unitCode: '262688', unitMnemonic: 'MDC_DIM_PERCENT' }] }));
      if (!parsed.ok) throw new Error(parsed.reason);
      t.core.services.monitorFeed.receive(parsed.message, '127.0.0.1');
    };
    feed('A1A1A1A1A1A1A1A1', 'RB-1', 96);
    feed('FFFF0000FFFF0000', 'RB-2', 95);
    feed('FFFF0000FFFF0001', 'RB-3', 94);
    const unvalidated = t.core.services.readings.ofSession(session.id).filter((reading) => reading.source === 'monitor').map((reading) => reading.id);
    await act(nurse, 'reading/validate', { readingIds: unvalidated });
    const held = ((await nurse.call('monitor/held', {})) as { ok: true; value: { id: number }[] }).value;
    await act(nurse, 'monitor/assign', { messageId: held[0]?.id ?? 0, sessionId: session.id });
    await act(nurse, 'monitor/discard', { messageId: held[1]?.id ?? 0, reason: 'Monitor from the next room' });

    await act(nurse, 'session/transition', { sessionId: session.id, action: 'stopInfusion' });
    t.clock.advance(90 * MINUTE);
    await act(nurse, 'discharge/assess', passingAssessment(session.id));
    await act(doctor, 'backup/run', {});

    raw.close();
    t.core.close();
    const missing = WRITE_CHANNELS.filter((name) => !tried.has(name));
    const injections = [...tried.values()].reduce((sum, entry) => sum + entry.injections, 0);
    process.stdout.write(`act rollback proof: ${tried.size} of ${WRITE_CHANNELS.length} writing channels, ${injections} injected failures (COMMIT, the handler's last statement, the audit entry), 0 rows stored by a failed act, 0 events sent\n`);
    expect(missing).toEqual([]);
  }, 60_000);
});
