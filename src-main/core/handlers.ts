import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract/channels';
import type { Alert } from '../../shared/domain/alert';
import { OPEN_PHASES, type Phase } from '../../shared/domain/phase';
import type { Session } from '../../shared/domain/session';
import type { User } from '../../shared/domain/user';
import type { SessionDetail } from '../../shared/domain/views';
import { fail } from '../../shared/result';
import { createReportService } from './reports/report-service';
import type { Services } from './services';

export interface HandlerContext {
  /** The signed-in user; the dispatcher has already checked the channel's access rule. */
  user: User | null;
  signIn(user: User): void;
  signOut(): void;
}

/** The signed-in user of a channel that requires one. */
function who(ctx: HandlerContext): User {
  if (!ctx.user) throw new Error('handler reached without a signed-in user');
  return ctx.user;
}

function requirePhase(session: Session, phases: readonly Phase[], what: string): void {
  if (!phases.includes(session.phase)) {
    fail({
      code: 'invalid_transition',
      message: `${what} is not possible while the session is ${session.phase}`,
      field: 'sessionId',
      reason: 'wrong_phase',
      params: { phase: session.phase },
    });
  }
}

type Handler<C extends ChannelName> = (ctx: HandlerContext, request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** Each contract channel mapped onto the core service that answers it. */
export function createHandlers(services: Services): Handlers {
  const { users, patients, sessions, charting, alerts, alertRules, views, clock, ticker, bus, protocols, doseOrders, screenings, discharge, phq9, sessionEvents, workflow, db } = services;
  const reports = createReportService(services);

  /** Staff see a record only once the session is over; clinicians see any. */
  function requireReadableRecord(ctx: HandlerContext, sessionId: number): void {
    const session = sessions.get(sessionId);
    const clinician = who(ctx).roles.some((role) => role === 'nurse' || role === 'physician');
    if (!clinician && OPEN_PHASES.includes(session.phase)) {
      fail({
        code: 'forbidden',
        message: 'This session is still open: staff can open its record once it is closed or aborted',
        field: 'sessionId',
        reason: 'session_open',
        params: { phase: session.phase },
      });
    }
  }

  /** An alert action in one transaction, told to every window. */
  function alertWrite(action: () => Alert): Alert {
    const alert = db.transaction(action)();
    bus.emit('alert/changed', alert);
    return alert;
  }

  /** After a rule change: every open session re-judged under its new rules. */
  function reconcileOpenSessions(clearReason: 'cleared' | 'ruleChanged'): void {
    const changed = db.transaction(() => sessions.open().flatMap((session) => charting.reconcile(session, clearReason)))();
    for (const id of new Set(changed)) bus.emit('alert/changed', alerts.get(id));
  }

  /** Runs a session-scoped write in one transaction, tells every window, and returns the fresh screen. */
  function sessionWrite(sessionId: number, write: (session: Session) => void): SessionDetail {
    db.transaction(() => write(sessions.get(sessionId)))();
    const session = sessions.get(sessionId);
    bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
    return views.detail(sessionId, clock.now());
  }
  return {
    'auth/status': (ctx) => ({ setupRequired: users.setupRequired(), user: ctx.user }),
    'auth/setup': async (ctx, request) => {
      const user = await users.setup(request);
      ctx.signIn(user);
      return user;
    },
    'auth/signIn': async (ctx, request) => {
      const user = await users.signIn(request.username, request.pin);
      ctx.signIn(user);
      return user;
    },
    'auth/signOut': (ctx) => {
      ctx.signOut();
      return {};
    },

    'user/list': () => users.list(),
    'user/create': (_ctx, request) => users.create(request),

    'patient/list': (_ctx, request) => patients.list(request.search),
    'patient/create': (ctx, request) => patients.create(request, who(ctx).id),
    'patient/setDetails': (ctx, { patientId, ...details }) => patients.setDetails(patientId, details, who(ctx).id),
    'patient/get': (_ctx, request) => patients.get(request.patientId),
    'patient/history': (_ctx, request) => views.patientHistory(request.patientId, clock.now()),

    'protocol/list': (_ctx, request) => protocols.list(request.includeRetired),
    'protocol/create': (ctx, request) => protocols.create(request, who(ctx).id),
    'protocol/revise': (ctx, request) => protocols.revise(request.protocolId, request.fields, who(ctx).id),
    'protocol/retire': (ctx, request) => protocols.retire(request.protocolId, who(ctx).id),

    'session/create': (ctx, request) => {
      const userId = who(ctx).id;
      const session = db.transaction(() => {
        const protocol = request.protocolId === undefined ? null : protocols.requireUsable(request.protocolId);
        const created = sessions.create({ ...request, ...(protocol ? { protocolDurationMinutes: protocol.durationMinutes } : {}) }, userId);
        // The protocol's standing dose is the session's first order (within its soft limits by construction).
        if (protocol) doseOrders.order({ sessionId: created.id, protocol, weightKg: created.weightKg, dosePerKg: protocol.dosePerKg, overrideReason: undefined, source: 'protocol', userId });
        return created;
      })();
      bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
      ticker.refresh();
      return session;
    },
    'session/list': (_ctx, request) => views.list(request.scope, clock.now()),
    'session/get': (_ctx, request) => views.detail(request.sessionId, clock.now()),
    'session/transition': async (ctx, request) => {
      const result = await workflow.transition(request, who(ctx));
      ticker.refresh();
      return result;
    },

    'dose/order': (ctx, request) =>
      sessionWrite(request.sessionId, (session) => {
        requirePhase(session, ['screening'], 'dose/order');
        if (session.protocolId === null) fail({ code: 'precondition_failed', message: 'Choose a protocol first', field: 'sessionId', reason: 'no_protocol' });
        const protocol = protocols.get(session.protocolId);
        doseOrders.order({
          sessionId: session.id,
          protocol,
          weightKg: session.weightKg,
          dosePerKg: request.dosePerKg,
          overrideReason: request.overrideReason,
          source: 'physician',
          userId: who(ctx).id,
        });
      }),
    'screening/record': (ctx, request) =>
      sessionWrite(request.sessionId, (session) => {
        requirePhase(session, ['screening'], 'screening/record');
        screenings.record(request, who(ctx).id);
      }),
    'override/add': (ctx, request) =>
      sessionWrite(request.sessionId, (session) => {
        requirePhase(session, request.kind === 'contraindication' ? ['screening'] : ['recovery'], 'override/add');
        screenings.addOverride(session.id, request.kind, request.reason, who(ctx).id);
      }),
    'phq9/record': (ctx, request) => {
      let flagged: number | null = null;
      const detail = sessionWrite(request.sessionId, (session) => {
        requirePhase(session, ['screening'], 'phq9/record');
        const score = phq9.record(request, who(ctx).id);
        // Item 9 above 0: a physician sees the patient today. An alert reaches every physician's queue and stays until one resolves it.
        if (score.selfHarmFlag) flagged = alerts.raiseTechnical(session.id, 'phq9SelfHarm', request.answers.selfHarm);
      });
      if (flagged !== null) bus.emit('alert/changed', alerts.get(flagged));
      return flagged === null ? detail : views.detail(request.sessionId, clock.now());
    },
    'discharge/assess': (ctx, request) =>
      sessionWrite(request.sessionId, (session) => {
        requirePhase(session, ['recovery'], 'discharge/assess');
        discharge.record(request, who(ctx).id);
      }),
    'event/add': (ctx, request) => {
      const event = db.transaction(() => {
        const session = sessions.get(request.sessionId);
        requirePhase(session, request.event.kind === 'rateChange' ? ['infusing', 'paused'] : ['screening', 'infusing', 'paused', 'recovery'], 'event/add');
        return sessionEvents.add({ sessionId: session.id, sessionCreatedAt: session.createdAt, observedAt: request.observedAt, event: request.event, userId: who(ctx).id });
      })();
      const session = sessions.get(request.sessionId);
      bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
      return event;
    },
    'event/retract': (ctx, request) => {
      const event = db.transaction(() => {
        const target = sessionEvents.get(request.eventId);
        // A signed (closed) or aborted record is final; corrections after that are addenda, not retractions.
        requirePhase(sessions.get(target.sessionId), ['screening', 'infusing', 'paused', 'recovery', 'discharged'], 'event/retract');
        return sessionEvents.retract(request.eventId, request.reason, who(ctx).id);
      })();
      const session = sessions.get(event.sessionId);
      bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
      return event;
    },

    'reading/add': (ctx, request) => charting.addReading(request, who(ctx).id),
    'reading/correct': (ctx, request) => charting.correctReading(request, who(ctx).id),
    'reading/annotate': (ctx, request) => charting.annotateReading(request, who(ctx).id),

    'alert/list': (_ctx, request) => alerts.list(request),
    'alert/acknowledge': (ctx, request) => alertWrite(() => alerts.acknowledge(request.alertId, request.note, who(ctx).id)),
    'alert/audioPause': (ctx, request) => alertWrite(() => alerts.audioPause(request.alertId, who(ctx).id)),
    'alert/resolve': (ctx, request) => alertWrite(() => alerts.resolveByHand(request.alertId, request.reason, who(ctx).id)),

    'rules/get': (_ctx, request) => {
      if (request.sessionId !== undefined) return alertRules.forSession(sessions.get(request.sessionId));
      if (request.protocolFamilyId !== undefined) return alertRules.forProtocolFamily(protocols.get(request.protocolFamilyId).familyId);
      return alertRules.forClinic();
    },
    'rules/set': (ctx, request) => {
      const familyId = request.protocolFamilyId === undefined ? null : protocols.get(request.protocolFamilyId).familyId;
      db.transaction(() => alertRules.setRuleSet(familyId, request.rules, request.reason, who(ctx).id))();
      reconcileOpenSessions('ruleChanged');
      return familyId === null ? alertRules.forClinic() : alertRules.forProtocolFamily(familyId);
    },
    'rules/overrideForSession': (ctx, request) => {
      const session = sessions.get(request.sessionId);
      if (!OPEN_PHASES.includes(session.phase)) requirePhase(session, OPEN_PHASES, 'rules/overrideForSession');
      if (request.rule === 'inherit' && !alertRules.forSession(session).overrides.some((o) => o.ruleId === request.ruleId)) {
        fail({ code: 'not_found', message: `Rule ${request.ruleId} has no override in this session to withdraw`, field: 'ruleId', reason: 'no_such_rule' });
      }
      if (request.rule === null && !alertRules.effectiveRules(session).some((rule) => rule.id === request.ruleId)) {
        fail({ code: 'not_found', message: `This session has no rule ${request.ruleId} to switch off`, field: 'ruleId', reason: 'no_such_rule' });
      }
      db.transaction(() => alertRules.overrideForSession(session.id, request.ruleId, request.rule, request.reason, who(ctx).id))();
      const changed = db.transaction(() => charting.reconcile(session, 'ruleChanged'))();
      for (const id of changed) bus.emit('alert/changed', alerts.get(id));
      bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
      return alertRules.forSession(session);
    },
    'record/list': (_ctx, request) => reports.closedRecords(request),
    'record/get': (ctx, request) => {
      requireReadableRecord(ctx, request.sessionId);
      return reports.record(request.sessionId);
    },
    'report/clinic': (_ctx, request) => reports.clinicReport(request),
    'export/session': (ctx, request) => {
      requireReadableRecord(ctx, request.sessionId);
      return reports.exportSession(request.sessionId, request.format);
    },
    'export/clinic': (_ctx, request) => reports.exportClinic(request, request.format),

    'settings/get': () => alertRules.alarmSettings(),
    'settings/update': (ctx, request) => {
      db.transaction(() => alertRules.setAlarmSettings(request.settings, request.reason, who(ctx).id))();
      return alertRules.alarmSettings();
    },
  };
}
