import type { Clock } from '../clock';
import type { CoreDeps } from '../deps';
import type { EventBus } from '../event-bus';
import { createTicker, type Ticker } from '../ticker';
import { createAlertService, type AlertService } from './alerts';
import { createChartingService, type ChartingService } from './charting';
import { createPatientService, type PatientService } from './patients';
import { createReadingService, type ReadingService } from './readings';
import { createSessionService, type SessionService } from './sessions';
import { createSessionViews, type SessionViews } from './session-views';
import { createUserService, type UserService } from './users';

export interface Services {
  clock: Clock;
  bus: EventBus;
  users: UserService;
  patients: PatientService;
  sessions: SessionService;
  readings: ReadingService;
  alerts: AlertService;
  charting: ChartingService;
  views: SessionViews;
  ticker: Ticker;
}

export function createServices(deps: CoreDeps): Services {
  const users = createUserService(deps);
  const patients = createPatientService(deps);
  const sessions = createSessionService(deps, patients);
  const readings = createReadingService(deps);
  const alerts = createAlertService(deps);
  const charting = createChartingService(deps, sessions, readings, alerts);
  const views = createSessionViews(sessions, patients, readings, alerts);
  const ticker = createTicker(sessions, deps.clock, deps.bus);
  return { clock: deps.clock, bus: deps.bus, users, patients, sessions, readings, alerts, charting, views, ticker };
}
