import type { Database } from 'better-sqlite3';
import type { AlertRule } from '../../shared/clinical/alert-rules';
import type { ClinicSettings } from '../../shared/clinical/clinic-settings';
import type { TechnicalAlertCondition } from '../../shared/clinical/technical-alerts';
import type { AlertPriority } from '../../shared/clinical/alert-rules';
import type { DischargeCriteria } from '../../shared/clinical/aldrete';
import type { MonitoringSchedule } from '../../shared/clinical/due-checks';
import type { ActRunner } from './act';
import type { Clock } from './clock';
import type { ClinicConfigService } from './services/clinic-config';
import type { EventBus } from './event-bus';
import type { Logger } from './logger';
import type { RecordCaches } from './record-cache';

/** What every core service is built from. */
export interface CoreDeps {
  db: Database;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  /** Runs writes as acts (one transaction with their audit entry); the ticker's sweep is the system's act. */
  acts: ActRunner;
  /** Memos of rarely written tables read on every charting call (dropped when written). */
  caches: RecordCaches;
  settings: Readonly<ClinicSettings>;
  alertRules: readonly AlertRule[];
  /** The clinic's stored configuration (read live: never keep a copy; a change applies at once). */
  clinicConfig: ClinicConfigService;
  technicalPriorities: Readonly<Record<TechnicalAlertCondition, AlertPriority>>;
  dischargeCriteria: Readonly<DischargeCriteria>;
  /** Checkpoint windows and grace; each protocol sets its own vitals intervals. */
  monitoringSchedule: Readonly<MonitoringSchedule>;
}
