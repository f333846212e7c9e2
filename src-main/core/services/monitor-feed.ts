import type { VitalParameter } from '../../../shared/clinical/parameters';
import { VITAL_PARAMETER_KEYS } from '../../../shared/clinical/parameters';
import type { HeldMessage } from '../../../shared/domain/monitor';
import type { Reading } from '../../../shared/domain/reading';
import type { Session } from '../../../shared/domain/session';
import { fail } from '../../../shared/result';
import type { Actor } from '../act';
import type { CoreDeps } from '../deps';
import type { MonitorMessage, MonitorReading } from '../monitor/pcd01';
import type { ChartedBatch, ChartingService } from './charting';
import type { DeviceService } from './devices';
import type { PatientService } from './patients';
import type { SessionService } from './sessions';

/** The system account monitor values are recorded under, and the audit trail names. */
export const MONITOR_ACCOUNT = '~monitor';
/** The audit entry's channel for a message that arrived over MLLP (not a contract call). */
export const MONITOR_MESSAGE_CHANNEL = 'monitor/message';

/** What became of one accepted message; the listener answers AA for every one of these. */
export type IntakeOutcome =
  | { kind: 'charted'; messageId: number; sessionId: number; batch: ChartedBatch }
  | { kind: 'held'; messageId: number; reason: HeldMessage['holdReason'] }
  | { kind: 'duplicate'; messageId: number };

/** Monitor values are unvalidated but measured: their unusual values need no typed confirmation. */
const ALL_PARAMETERS: VitalParameter[] = [...VITAL_PARAMETER_KEYS];

interface HeldRow {
  id: number;
  device_id: string;
  control_id: string;
  chair: string | null;
  patient_id: string | null;
  patient_name: string | null;
  received_at: number;
  hold_reason: HeldMessage['holdReason'];
  readings_json: string;
}

const toHeld = (row: HeldRow): HeldMessage => ({
  id: row.id,
  deviceId: row.device_id,
  controlId: row.control_id,
  chair: row.chair,
  patientId: row.patient_id,
  patientName: row.patient_name,
  receivedAt: row.received_at,
  holdReason: row.hold_reason,
  readings: JSON.parse(row.readings_json) as MonitorReading[],
});

/**
 * A parsed monitor message becomes readings of the session open at the device's chair, or
 * waits in the holding list (never dropped). One transaction per message: the ACK is sent
 * after the commit. A message resent with the same control id is answered again, not charted twice.
 */
export function createMonitorFeed(deps: CoreDeps, parts: { sessions: SessionService; patients: PatientService; charting: ChartingService; devices: DeviceService }) {
  const { db, clock, bus, acts } = deps;
  const { sessions, patients, charting, devices } = parts;
  const findMessage = db.prepare<[string, string], { id: number }>('SELECT id FROM monitor_messages WHERE device_id = ? AND control_id = ?');
  const insertMessage = db.prepare(
    `INSERT INTO monitor_messages (device_id, control_id, patient_id, patient_name, received_at, peer, session_id, chair, hold_reason, readings_json, ignored_json)
     VALUES (:deviceId, :controlId, :patientId, :patientName, :receivedAt, :peer, :sessionId, :chair, :holdReason, :readingsJson, :ignoredJson)`,
  );
  const heldSelect = `SELECT m.* FROM monitor_messages m LEFT JOIN held_message_actions a ON a.message_id = m.id WHERE m.hold_reason IS NOT NULL AND a.id IS NULL`;
  const heldAll = db.prepare<[], HeldRow>(`${heldSelect} ORDER BY m.id DESC LIMIT 500`);
  const heldById = db.prepare<[number], HeldRow>(`${heldSelect} AND m.id = ?`);
  const insertAction = db.prepare(
    'INSERT INTO held_message_actions (message_id, action, session_id, reason, at, user_id) VALUES (:messageId, :action, :sessionId, :reason, :at, :userId)',
  );
  const systemUser = db.prepare<[], { id: number }>(`SELECT id FROM users WHERE username = '${MONITOR_ACCOUNT}'`);
  const insertSystemUser = db.prepare(
    `INSERT INTO users (username, display_name, roles_json, pin_hash, created_at) VALUES ('${MONITOR_ACCOUNT}', 'Monitor', '[]', 'none', ?)`,
  );

  /**
   * Monitor values are recorded under a system account that has no role and cannot sign
   * in: its username fails the username rule, its PIN hash matches no PIN, and it has no
   * user_versions row, so it is no account anyone can list, reset or sign in with. It is
   * created with the first charted value, which needs a device an admin bound, so never
   * before set-up.
   */
  function monitorUserId(): number {
    const row = systemUser.get();
    if (row) return row.id;
    return Number(insertSystemUser.run(clock.now()).lastInsertRowid);
  }

  /** Read at commit: the account exists by then if this message charted a value. */
  function monitorActor(): Actor {
    return { userId: systemUser.get()?.id ?? null, name: MONITOR_ACCOUNT };
  }

  function chartableSessionAt(chair: string): Session | undefined {
    const wanted = chair.toLocaleLowerCase();
    return sessions.open().find((s) => s.phase !== 'discharged' && s.chair.toLocaleLowerCase() === wanted);
  }

  function chart(session: Session, readings: readonly MonitorReading[], deviceId: string, messageId: number): ChartedBatch {
    const userId = monitorUserId();
    return charting.chartMonitorValues(
      session,
      readings.map((reading) => ({ observedAt: reading.observedAt, values: reading.values, confirmed: ALL_PARAMETERS, monitor: { deviceId, messageId } })),
      userId,
    );
  }

  return {
    /** Stores one accepted message (charted or held). Throws an AppFailure (answered AE) when its values cannot be charted. */
    /**
     * Stores one accepted message (charted or held) as one act under the `~monitor` account:
     * its rows and audit entry in one transaction, its events after the commit, and only then
     * does the caller answer AA. Throws an AppFailure (answered AE) when its values cannot be
     * charted; nothing of it is then kept.
     */
    receive(message: MonitorMessage, peer: string): IntakeOutcome {
      const act = { actor: monitorActor, channel: MONITOR_MESSAGE_CHANNEL, kind: 'write' as const, detail: { deviceId: message.deviceId, controlId: message.controlId, peer } };
      return acts.run(act, (): IntakeOutcome => {
        const existing = findMessage.get(message.deviceId, message.controlId);
        if (existing) return { kind: 'duplicate', messageId: existing.id };
        const chair = devices.chairOf(message.deviceId);
        const session = chair === null ? undefined : chartableSessionAt(chair);
        let holdReason: HeldMessage['holdReason'] | null = chair === null ? 'unbound_device' : session ? null : 'no_open_session';
        if (session && message.patient && patients.get(session.patientId).mrn.toLocaleLowerCase() !== message.patient.id.toLocaleLowerCase()) {
          holdReason = 'patient_mismatch';
        }
        const { lastInsertRowid } = insertMessage.run({
          deviceId: message.deviceId,
          controlId: message.controlId,
          patientId: message.patient?.id ?? null,
          patientName: message.patient?.name ?? null,
          receivedAt: clock.now(),
          peer,
          sessionId: holdReason === null && session ? session.id : null,
          chair,
          holdReason,
          readingsJson: JSON.stringify(message.readings),
          ignoredJson: JSON.stringify(message.ignored),
        });
        const messageId = Number(lastInsertRowid);
        devices.noteMessage(message.deviceId, clock.now());
        if (holdReason !== null || !session) {
          bus.emit('monitor/changed', { at: clock.now() });
          return { kind: 'held', messageId, reason: holdReason ?? 'no_open_session' };
        }
        const batch = chart(session, message.readings, message.deviceId, messageId);
        // Held by the bus until the act commits: the windows get the rows themselves, no reload.
        charting.publish(batch);
        return { kind: 'charted', messageId, sessionId: session.id, batch };
      });
    },

    held: (): HeldMessage[] => heldAll.all().map(toHeld),

    /**
     * The nurse puts a held message's readings into a session (one whose chair and patient she
     * checked). The caller holds the act; events go out after its commit.
     */
    assign(messageId: number, sessionId: number, userId: number): Reading[] {
      const row = heldById.get(messageId);
      if (!row) fail({ code: 'not_found', message: `No held monitor message ${messageId}`, field: 'messageId' });
      const session = sessions.get(sessionId);
      const held = toHeld(row);
      insertAction.run({ messageId, action: 'assigned', sessionId, reason: null, at: clock.now(), userId });
      const batch = chart(session, held.readings, held.deviceId, messageId);
      charting.publish(batch);
      bus.emit('monitor/changed', { at: clock.now() });
      return batch.readings;
    },

    /** Caller holds the act. */
    discard(messageId: number, reason: string, userId: number): void {
      if (!heldById.get(messageId)) fail({ code: 'not_found', message: `No held monitor message ${messageId}`, field: 'messageId' });
      insertAction.run({ messageId, action: 'discarded', sessionId: null, reason, at: clock.now(), userId });
      bus.emit('monitor/changed', { at: clock.now() });
    },
  };
}

export type MonitorFeed = ReturnType<typeof createMonitorFeed>;
