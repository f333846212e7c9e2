import { AlarmSettingsSchema, DEFAULT_ALARM_SETTINGS, type AlarmSettings } from '../../../shared/clinical/alarm-settings';
import { DEFAULT_ALERT_RULES, type AlertRule } from '../../../shared/clinical/alert-rules';
import type { AlarmSettingsView, RuleSetView, SessionRuleOverride } from '../../../shared/domain/alert-rules-view';
import { SETTINGS_HISTORY_LIMIT, type AlarmSettingsVersion } from '../../../shared/domain/clinic-config';
import type { Session } from '../../../shared/domain/session';
import type { CoreDeps } from '../deps';
import type { ProtocolService } from './protocols';

interface RuleSetRow {
  id: number;
  rules_json: string;
  reason: string;
  at: number;
  user_name: string;
}

interface OverrideRow {
  id: number;
  rule_id: string;
  rule_json: string | null;
  reason: string;
  at: number;
  user_name: string;
}

interface SettingsRow {
  id: number;
  settings_json: string;
  reason: string;
  at: number;
  user_name: string;
}

/** Latest override per rule id wins; null switches the rule off for the session, 'inherit' withdraws the override. */
function applyOverrides(base: readonly AlertRule[], overrides: readonly SessionRuleOverride[]): AlertRule[] {
  const latest = new Map<string, SessionRuleOverride>();
  for (const override of overrides) latest.set(override.ruleId, override);
  for (const [ruleId, override] of latest) if (override.rule === 'inherit') latest.delete(ruleId);
  const rules = base.filter((rule) => !latest.has(rule.id));
  for (const override of latest.values()) if (override.rule && override.rule !== 'inherit') rules.push(override.rule);
  return rules;
}

/**
 * Alert rules as data: Vigil's defaults, a clinic-wide set, per-protocol sets, and
 * per-session overrides, every change a new row with who, when and why. Alarm settings
 * (latching, audio pause, escalation) likewise.
 */
export function createAlertRuleService(deps: CoreDeps, protocols: ProtocolService) {
  const { db, clock } = deps;
  const latestClinic = db.prepare<[], RuleSetRow>(
    `SELECT r.*, u.display_name AS user_name FROM alert_rule_sets r JOIN users u ON u.id = r.user_id WHERE r.scope = 'clinic' ORDER BY r.id DESC LIMIT 1`,
  );
  const latestProtocol = db.prepare<[number], RuleSetRow>(
    `SELECT r.*, u.display_name AS user_name FROM alert_rule_sets r JOIN users u ON u.id = r.user_id WHERE r.scope = 'protocol' AND r.protocol_family_id = ? ORDER BY r.id DESC LIMIT 1`,
  );
  const insertSet = db.prepare(
    'INSERT INTO alert_rule_sets (scope, protocol_family_id, rules_json, reason, at, user_id) VALUES (:scope, :familyId, :rules, :reason, :at, :userId)',
  );
  const overridesOf = db.prepare<[number], OverrideRow>(
    'SELECT o.*, u.display_name AS user_name FROM session_rule_overrides o JOIN users u ON u.id = o.user_id WHERE o.session_id = ? ORDER BY o.id',
  );
  const insertOverride = db.prepare(
    'INSERT INTO session_rule_overrides (session_id, rule_id, rule_json, reason, at, user_id) VALUES (:sessionId, :ruleId, :rule, :reason, :at, :userId)',
  );
  const latestSettings = db.prepare<[], SettingsRow>(
    'SELECT s.*, u.display_name AS user_name FROM clinic_settings s JOIN users u ON u.id = s.user_id ORDER BY s.id DESC LIMIT 1',
  );
  const newestSettings = db.prepare<[number], SettingsRow>(
    'SELECT s.*, u.display_name AS user_name FROM clinic_settings s JOIN users u ON u.id = s.user_id ORDER BY s.id DESC LIMIT ?',
  );
  const insertSettings = db.prepare('INSERT INTO clinic_settings (settings_json, reason, at, user_id) VALUES (?, ?, ?, ?)');

  function baseSet(protocolFamilyId: number | null): { source: RuleSetView['source']; rules: AlertRule[]; row: RuleSetRow | null } {
    const protocolRow = protocolFamilyId === null ? undefined : latestProtocol.get(protocolFamilyId);
    // A protocol row holding null means the protocol went back to the clinic's set.
    if (protocolRow && protocolRow.rules_json !== 'null') return { source: 'protocol', rules: JSON.parse(protocolRow.rules_json) as AlertRule[], row: protocolRow };
    const clinicRow = latestClinic.get();
    if (clinicRow) return { source: 'clinic', rules: JSON.parse(clinicRow.rules_json) as AlertRule[], row: clinicRow };
    return { source: 'default', rules: [...DEFAULT_ALERT_RULES], row: null };
  }

  function overrides(sessionId: number): SessionRuleOverride[] {
    return overridesOf.all(sessionId).map((row) => ({
      id: row.id,
      ruleId: row.rule_id,
      rule: row.rule_json === null ? null : (JSON.parse(row.rule_json) as AlertRule | 'inherit'),
      reason: row.reason,
      at: row.at,
      userName: row.user_name,
    }));
  }

  // The engine reads a session's rules on every reading: kept until a rule set, an override or a protocol is written.
  const effectiveMemo = deps.caches.memo(
    ['alert_rule_sets', 'session_rule_overrides', 'protocols', 'users'],
    (session: Session) => applyOverrides(baseSet(familyOf(session)).rules, overrides(session.id)),
    // A session's protocol is fixed when it is created.
    (session) => session.id,
  );
  const settingsMemo = deps.caches.memo(['clinic_settings', 'users'], (): AlarmSettingsView => {
    const row = latestSettings.get();
    return row
      ? { settings: JSON.parse(row.settings_json) as AlarmSettings, changedAt: row.at, changedByName: row.user_name, changeReason: row.reason }
      : { settings: { ...DEFAULT_ALARM_SETTINGS }, changedAt: null, changedByName: null, changeReason: null };
  });

  function familyOf(session: Session): number | null {
    return session.protocolId === null ? null : protocols.get(session.protocolId).familyId;
  }

  function view(base: ReturnType<typeof baseSet>, sessionOverrides: SessionRuleOverride[]): RuleSetView {
    return {
      source: base.source,
      baseRules: base.rules,
      effectiveRules: applyOverrides(base.rules, sessionOverrides),
      overrides: sessionOverrides,
      changedAt: base.row?.at ?? null,
      changedByName: base.row?.user_name ?? null,
      changeReason: base.row?.reason ?? null,
    };
  }

  return {
    /** The rules the engine applies to a session right now. */
    effectiveRules(session: Session): AlertRule[] {
      return effectiveMemo.get(session);
    },
    forSession: (session: Session): RuleSetView => view(baseSet(familyOf(session)), overrides(session.id)),
    forProtocolFamily: (familyId: number): RuleSetView => view(baseSet(familyId), []),
    forClinic: (): RuleSetView => view(baseSet(null), []),

    /** Caller holds the transaction. */
    setRuleSet(protocolFamilyId: number | null, rules: readonly AlertRule[] | null, reason: string, userId: number): void {
      insertSet.run({ scope: protocolFamilyId === null ? 'clinic' : 'protocol', familyId: protocolFamilyId, rules: JSON.stringify(rules), reason, at: clock.now(), userId });
    },
    overrideForSession(sessionId: number, ruleId: string, rule: AlertRule | null | 'inherit', reason: string, userId: number): void {
      insertOverride.run({ sessionId, ruleId, rule: rule === null ? null : JSON.stringify(rule), reason, at: clock.now(), userId });
    },

    alarmSettings: (): AlarmSettingsView => settingsMemo.get(undefined),
    /** Stored versions, newest first. */
    alarmSettingsHistory(): AlarmSettingsVersion[] {
      return newestSettings.all(SETTINGS_HISTORY_LIMIT).map((row) => ({ id: row.id, value: AlarmSettingsSchema.parse(JSON.parse(row.settings_json)), at: row.at, userName: row.user_name, reason: row.reason }));
    },
    setAlarmSettings(settings: AlarmSettings, reason: string, userId: number): void {
      insertSettings.run(JSON.stringify(settings), reason, clock.now(), userId);
    },
  };
}

export type AlertRuleService = ReturnType<typeof createAlertRuleService>;
