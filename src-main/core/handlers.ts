import type { Alert } from '../../shared/domain/alert';
import { OPEN_PHASES } from '../../shared/domain/phase';
import type { Session } from '../../shared/domain/session';
import type { Cosign } from '../../shared/domain/user';
import { changesDoseOrLimits } from '../../shared/domain/protocol';
import type { SessionDetail } from '../../shared/domain/views';
import { fail } from '../../shared/result';
import type { PdfMaker } from './reports/pdf-maker';
import { createReportService } from './reports/report-service';
import type { Services } from './services';
import type { PinCheck } from './services/users';
import { requirePhase, staged, who, type HandlerContext, type Handlers } from './handler-kit';
import type { Database } from 'better-sqlite3';
import type { AuditStatus, AuditVerify } from '../../shared/domain/audit';
import { listAuditEntries } from './audit/audit-queries';

export type BackupChannel = 'backup/list' | 'backup/run' | 'backup/restore';

export interface AuditHandlersDeps {
  verifyRecord(): Promise<AuditVerify>;
  status(): AuditStatus;
  audit: Database;
  /** Lays out report PDFs (a worker thread where the bundle has one). */
  pdf: Pick<PdfMaker, 'make'>;
}

/** Each contract channel mapped onto the core service that answers it. The backup channels are answered by backup/backup-handlers.ts, which owns the backup service. */
export function createHandlers(services: Services, auditDeps: AuditHandlersDeps): Omit<Handlers, BackupChannel> {
  const { users, patients, sessions, charting, alerts, alertRules, views, clock, ticker, bus, protocols, doseOrders, screenings, discharge, sessionEvents, workflow, db, readings, trends, phq9, devices, chairs, monitorFeed, monitorLink } = services;
  const reports = createReportService(services, auditDeps.pdf);

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

  /** After a new clinic configuration version: every window and every open session learns of it. */
  function clinicConfigChanged({ bindingsMoved }: { bindingsMoved: boolean }) {
    // Open sessions are judged at once under the new values: technical alerts by the sweep,
    // discharge readiness and due checks when each window reads its sessions again.
    services.monitoring.sweep(clock.now());
    for (const session of sessions.open()) bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
    bus.emit('settings/changed', { scope: 'clinic' });
    if (bindingsMoved) bus.emit('monitor/changed', { at: clock.now() });
    return services.clinicConfig.view();
  }

  /** Runs a session-scoped write in one transaction, tells every window, and returns the fresh screen. */
  function sessionWrite(sessionId: number, write: (session: Session) => void): SessionDetail {
    db.transaction(() => write(sessions.get(sessionId)))();
    const session = sessions.get(sessionId);
    bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
    return views.detail(sessionId, clock.now());
  }
  /**
   * A protocol's dose and limits are a physician's: a physician's own call carries that
   * authority; anyone else (an administrator) needs a physician's co-signature, whose PIN
   * is checked here, before the act, like a sign-in.
   */
  function doseCosign(ctx: HandlerContext, cosign: Cosign | undefined, changesDose: boolean): Promise<PinCheck | null> {
    if (!changesDose || who(ctx).roles.includes('physician')) return Promise.resolve(null);
    if (!cosign) fail({ code: 'invalid_request', message: "A protocol's dose and limits need a physician to co-sign with their PIN", field: 'cosign', reason: 'cosign_required' });
    return users.checkPin(cosign.username, cosign.pin, ctx.guard);
  }

  return {
    'auth/status': (ctx) => ctx.status(),
    'auth/lock': (ctx) => {
      ctx.lock();
      return ctx.status();
    },
    'auth/switchUser': staged<'auth/switchUser', PinCheck>({
      // Unlike a sign-in, nobody is signed out first: a wrong PIN leaves the window as it was (locked stays locked).
      prepare: (ctx, request) => users.checkPin(request.username, request.pin, ctx.guard),
      run: (ctx, _request, check) => {
        const { user, mustChoosePin } = users.settleSignIn(check, ctx.guard);
        if (mustChoosePin) {
          fail({ code: 'pin_change_required', message: `${user.username} signs in once with the one-time code to choose a PIN before switching in`, field: 'username', reason: 'switch_needs_own_pin' });
        }
        ctx.switchTo(user);
        return ctx.status();
      },
    }),
    'lock/chairs': () =>
      views.list('open', clock.now()).map(({ session, highestActiveAlert: alert, activeAlertCount }) => ({
        sessionId: session.id,
        chair: session.chair,
        phase: session.phase,
        alert: alert && { priority: alert.priority, kind: alert.kind, parameter: alert.parameter, acknowledged: alert.acknowledgedAt !== null, escalated: alert.escalatedAt !== null },
        activeAlertCount,
      })),
    'auth/setup': staged<'auth/setup', string>({
      prepare: (_ctx, request) => users.prepareSetup(request.pin),
      run: (ctx, request, pinHash) => {
        const user = users.setup(request, pinHash);
        ctx.signIn(user);
        return user;
      },
    }),
    'auth/signIn': staged<'auth/signIn', PinCheck>({
      // Whoever was signed in on this window is signed out first: a failed attempt leaves nobody signed in.
      prepare: (ctx, request) => {
        ctx.signOut();
        return users.checkPin(request.username, request.pin, ctx.guard);
      },
      run: (ctx, _request, check) => {
        const { user, mustChoosePin } = users.settleSignIn(check, ctx.guard);
        ctx.signIn(user, { mustChoosePin });
        return mustChoosePin ? { ...user, mustChoosePin } : user;
      },
    }),
    'auth/choosePin': staged<'auth/choosePin', string>({
      prepare: (ctx, request) => {
        if (!ctx.mustChoosePin) fail({ code: 'invalid_request', message: 'Choose a PIN after signing in with a one-time code', reason: 'no_pin_change_pending' });
        return users.hashPin(request.pin);
      },
      run: (ctx, _request, pinHash) => {
        const user = users.choosePin(who(ctx).id, pinHash);
        ctx.signIn(user);
        return user;
      },
    }),
    'auth/signOut': (ctx) => {
      ctx.signOut();
      return {};
    },

    'user/list': () => users.list(),
    'user/create': staged<'user/create', Awaited<ReturnType<typeof users.prepareCreate>>>({
      prepare: (_ctx, request) => users.prepareCreate(request),
      run: (ctx, request, prepared) => {
        const { user, oneTimeCode } = users.create(request, prepared, who(ctx).id);
        return { user, oneTimeCode };
      },
    }),
    'user/resetPin': staged<'user/resetPin', Awaited<ReturnType<typeof users.prepareReset>>>({
      prepare: () => users.prepareReset(),
      run: (ctx, request, prepared) => users.resetPin(request.userId, prepared, who(ctx).id, request.reason),
    }),
    'user/setActive': (ctx, request) => users.setActive(request.userId, request.active, who(ctx).id, request.reason),

    'patient/list': (_ctx, request) => patients.list(request.search),
    'patient/create': (ctx, request) => patients.create(request, who(ctx).id),
    'patient/setDetails': (ctx, { patientId, ...details }) => patients.setDetails(patientId, details, who(ctx).id),
    'patient/get': (_ctx, request) => patients.get(request.patientId),
    'patient/history': (_ctx, request) => views.patientHistory(request.patientId, clock.now()),

    'protocol/list': (_ctx, request) => protocols.list(request.includeRetired),
    'protocol/create': staged<'protocol/create', PinCheck | null>({
      prepare: (ctx, request) => doseCosign(ctx, request.cosign, true),
      run: (ctx, request, cosign) => {
        if (cosign) users.settleCosign(cosign);
        const { cosign: _cosign, ...fields } = request;
        return protocols.create(fields, who(ctx).id);
      },
    }),
    'protocol/revise': staged<'protocol/revise', PinCheck | null>({
      prepare: (ctx, request) => doseCosign(ctx, request.cosign, changesDoseOrLimits(protocols.get(request.protocolId), request.fields)),
      run: (ctx, request, cosign) => {
        if (cosign) users.settleCosign(cosign);
        return protocols.revise(request.protocolId, request.fields, who(ctx).id);
      },
    }),
    'protocol/retire': (ctx, request) => protocols.retire(request.protocolId, who(ctx).id),

    'session/create': (ctx, request) => {
      const userId = who(ctx).id;
      const session = db.transaction(() => {
        const protocol = request.protocolId === undefined ? null : protocols.requireUsable(request.protocolId);
        // A chair of the clinic's registry, in the registry's spelling.
        const chair = chairs.resolve(request.chair, 'chair');
        const created = sessions.create({ ...request, chair, ...(protocol ? { protocolDurationMinutes: protocol.durationMinutes } : {}) }, userId);
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
    'session/transition': staged<'session/transition', PinCheck | null>({
      prepare: (ctx, request) => workflow.checkSignature(request, who(ctx)),
      run: (ctx, request, signature) => {
        if (signature) users.settleSignature(signature);
        const result = workflow.transition(request, who(ctx));
        ticker.refresh();
        return result;
      },
    }),

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
        if (request.event.kind === 'rateChange') {
          const order = doseOrders.latest(session.id);
          if (!order) fail({ code: 'precondition_failed', message: 'This session has no dose order to change the rate of', field: 'sessionId', reason: 'no_dose_order' });
          doseOrders.judgeRateChange(order, protocols.get(order.protocolId), request.event, who(ctx).roles.includes('physician'));
        }
        return sessionEvents.add({ sessionId: session.id, sessionCreatedAt: session.createdAt, observedAt: request.observedAt, event: request.event, userId: who(ctx).id });
      })();
      const session = sessions.get(request.sessionId);
      bus.emit('session/changed', { session, timer: sessions.timerOf(session) });
      return event;
    },
    'event/retract': (ctx, request) => {
      const event = db.transaction(() => {
        const target = sessionEvents.get(request.eventId);
        // A medication a physician charted is theirs to retract (or another physician's), not a nurse's.
        if (target.event.kind === 'medication' && !who(ctx).roles.includes('physician') && users.get(sessionEvents.authorId(target.id))?.roles.includes('physician')) {
          fail({ code: 'forbidden', message: 'A physician charted this medication; only a physician can retract it', field: 'eventId', reason: 'retract_needs_physician' });
        }
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
    'reading/page': (_ctx, request) => readings.page(request),
    'reading/trend': (_ctx, request) => trends.trend(request),

    'reading/validate': (ctx, request) => {
      const validated = readings.validate(request.readingIds, who(ctx).id);
      // The changed rows themselves (now validated): windows replace them by id, no reload.
      for (const reading of validated) bus.emit('reading/added', reading);
      return validated;
    },

    'monitor/status': () => monitorLink.status(),
    'monitor/configure': (ctx, request) => {
      devices.setListenerSettings(request.settings, request.reason, who(ctx).id);
      // The listener restarts once the act has committed (never after a rolled-back one) and reads the
      // stored settings; the answer is the status before the restart, monitor/changed tells when it is done.
      services.acts.afterCommit(() => void monitorLink.apply());
      return monitorLink.status();
    },
    'device/list': () => devices.list(),
    'chair/list': () => chairs.names(),
    'device/bind': (ctx, request) => {
      // The screen offers the clinic's chairs; main holds to them too (a chair named by hand or by an old screen).
      const chair = request.chair === null ? null : chairs.resolve(request.chair, 'chair');
      devices.bind(request.deviceId, chair, who(ctx).id);
      bus.emit('monitor/changed', { at: clock.now() });
      return devices.list();
    },
    'monitor/held': () => monitorFeed.held(),
    'monitor/assign': (ctx, request) => monitorFeed.assign(request.messageId, request.sessionId, who(ctx).id),
    'monitor/discard': (ctx, request) => {
      monitorFeed.discard(request.messageId, request.reason, who(ctx).id);
      return {};
    },

    'alert/list': (_ctx, request) => alerts.list(request),
    'alert/page': (_ctx, request) => alerts.page(request.sessionId, request.beforeId, request.limit),
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
    // Making the file awaits (PDF fonts); the export's view entry is appended once it is made.
    'export/session': staged<'export/session', Awaited<ReturnType<typeof reports.exportSession>>>({
      prepare: (ctx, request) => {
        requireReadableRecord(ctx, request.sessionId);
        return reports.exportSession(request.sessionId, request.format);
      },
      run: (_ctx, _request, file) => file,
    }),
    'export/clinic': staged<'export/clinic', Awaited<ReturnType<typeof reports.exportClinic>>>({
      prepare: (_ctx, request) => reports.exportClinic(request, request.format),
      run: (_ctx, _request, file) => file,
    }),
    'audit/verify': staged<'audit/verify', AuditVerify>({ prepare: () => auditDeps.verifyRecord(), run: (_ctx, _request, result) => result }),
    'audit/list': (_ctx, request) => listAuditEntries(auditDeps.audit, request),
    'audit/status': () => auditDeps.status(),

    'settings/get': () => alertRules.alarmSettings(),
    'settings/update': (ctx, request) => {
      db.transaction(() => alertRules.setAlarmSettings(request.settings, request.reason, who(ctx).id))();
      bus.emit('settings/changed', { scope: 'alarm' });
      return alertRules.alarmSettings();
    },
    'clinic/getConfig': () => services.clinicConfig.view(),
    'clinic/history': () => ({ clinic: services.clinicConfig.history(), alarm: alertRules.alarmSettingsHistory() }),
    'clinic/setConfig': (ctx, request) => clinicConfigChanged(chairs.set(request.config, request.reason, who(ctx).id, 'config.chairs')),
    'clinic/setChairs': (ctx, request) => clinicConfigChanged(chairs.set({ ...services.clinicConfig.current(), chairs: request.chairs }, request.reason, who(ctx).id, 'chairs')),
  };
}
