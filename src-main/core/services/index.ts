import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import type { ClinicConfigService } from './clinic-config';
import type { CoreDeps } from '../deps';
import type { ActRunner } from '../act';
import type { EventBus } from '../event-bus';
import { createTicker, type Ticker } from '../ticker';
import { createAlertRuleService, type AlertRuleService } from './alert-rules';
import { createAlertService, type AlertService } from './alerts';
import { createChartingService, type ChartingService } from './charting';
import { createChairRegistry, type ChairRegistry } from './chair-registry';
import { createDeviceService, type DeviceService } from './devices';
import { createDischargeService, type DischargeService } from './discharge';
import { createDoseOrderService, type DoseOrderService } from './dose-orders';
import { createMonitorFeed, type MonitorFeed } from './monitor-feed';
import { createMonitoring, type Monitoring } from './monitoring';
import { createMonitorLink, type MonitorLink } from '../monitor/monitor-link';
import { createPatientService, type PatientService } from './patients';
import { createPhq9Service, type Phq9Service } from './phq9';
import { createProtocolService, type ProtocolService } from './protocols';
import { createReadingService, type ReadingService } from './readings';
import { createTrendService, type TrendService } from './trends';
import { createScreeningService, type ScreeningService } from './screenings';
import { createSessionEventService, type SessionEventService } from './session-events';
import { createSessionViews, type SessionViews } from './session-views';
import { publishSessionUpdates } from './session-updates';
import { createSessionWorkflow, type SessionWorkflow } from './session-workflow';
import { createSessionService, type SessionService } from './sessions';
import { createUserService, type UserService, type UserServiceOptions } from './users';

export interface Services {
  db: Database;
  /** The act runner (a handler's work that must wait for its act's commit). */
  acts: ActRunner;
  clinicConfig: ClinicConfigService;
  clock: Clock;
  bus: EventBus;
  users: UserService;
  patients: PatientService;
  protocols: ProtocolService;
  sessions: SessionService;
  doseOrders: DoseOrderService;
  screenings: ScreeningService;
  readings: ReadingService;
  trends: TrendService;
  sessionEvents: SessionEventService;
  discharge: DischargeService;
  phq9: Phq9Service;
  alertRules: AlertRuleService;
  alerts: AlertService;
  charting: ChartingService;
  monitoring: Monitoring;
  devices: DeviceService;
  /** The clinic's chairs (clinic configuration) as main holds sessions and monitors to them. */
  chairs: ChairRegistry;
  monitorFeed: MonitorFeed;
  monitorLink: MonitorLink;
  workflow: SessionWorkflow;
  views: SessionViews;
  ticker: Ticker;
}

export function createServices(deps: CoreDeps, userOptions: UserServiceOptions): Services {
  const users = createUserService(deps, userOptions);
  const patients = createPatientService(deps);
  const protocols = createProtocolService(deps);
  const sessions = createSessionService(deps, patients);
  const doseOrders = createDoseOrderService(deps);
  const screenings = createScreeningService(deps);
  const readings = createReadingService(deps);
  const trends = createTrendService(deps, sessions);
  const sessionEvents = createSessionEventService(deps);
  const discharge = createDischargeService(deps);
  const phq9 = createPhq9Service(deps);
  const alertRules = createAlertRuleService(deps, protocols);
  const alerts = createAlertService(deps, alertRules);
  const charting = createChartingService(deps, sessions, readings, alerts, alertRules);
  const devices = createDeviceService(deps);
  const monitoring = createMonitoring(deps, { sessions, readings, protocols, alerts, alertRules, charting, devices });
  const monitorFeed = createMonitorFeed(deps, { sessions, patients, charting, devices });
  const monitorLink = createMonitorLink(deps, { feed: monitorFeed, devices });
  const workflow = createSessionWorkflow(deps, { sessions, protocols, doseOrders, screenings, readings, discharge, alerts, users });
  const views = createSessionViews({
    sessions,
    patients,
    readings,
    alerts,
    protocols,
    doseOrders,
    screenings,
    sessionEvents,
    discharge,
    phq9,
    monitoring,
    workflow,
    minimumAldreteScore: () => deps.dischargeCriteria.minimumAldreteScore,
  });
  publishSessionUpdates(deps.bus, deps.clock, views, () => deps.db.open, (error) => deps.logger.error('session/updated failed', { error: String(error) }));
  const ticker = createTicker(sessions, deps.clock, deps.bus, (now) => monitoring.sweep(now), deps.logger);
  protocols.seedDefaults();
  return {
    db: deps.db,
    acts: deps.acts,
    clinicConfig: deps.clinicConfig,
    clock: deps.clock,
    bus: deps.bus,
    users,
    patients,
    protocols,
    sessions,
    doseOrders,
    screenings,
    readings,
    trends,
    sessionEvents,
    discharge,
    phq9,
    alertRules,
    alerts,
    charting,
    monitoring,
    devices,
    chairs: createChairRegistry({ clinicConfig: deps.clinicConfig, sessions, devices }),
    monitorFeed,
    monitorLink,
    workflow,
    views,
    ticker,
  };
}
