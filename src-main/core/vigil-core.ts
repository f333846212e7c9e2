import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ALERT_RULES } from '../../shared/clinical/alert-rules';
import { DEFAULT_CLINIC_SETTINGS } from '../../shared/clinical/clinic-settings';
import { DEFAULT_TECHNICAL_ALERT_PRIORITIES } from '../../shared/clinical/technical-alerts';
import { DEFAULT_DISCHARGE_CRITERIA } from '../../shared/clinical/aldrete';
import { DEFAULT_MONITORING_SCHEDULE } from '../../shared/clinical/due-checks';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { Role, User } from '../../shared/domain/user';
import type { Result } from '../../shared/result';
import { createSystemClock, type Clock } from './clock';
import { openDatabase } from './db/open-database';
import { createDispatcher } from './dispatcher';
import { EventBus } from './event-bus';
import { createHandlers } from './handlers';
import { createFileLogger, type Logger } from './logger';
import { createServices, type Services } from './services';

export const DATABASE_FILE_NAME = 'vigil.sqlite3';
const CLINICAL_ROLES: readonly Role[] = ['nurse', 'physician'];
export const LOG_FILE_NAME = 'vigil.log';

export interface VigilCoreOptions {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  nativeBinding?: string;
  checkResponses?: boolean;
}

/**
 * One window's (or one browser tab's) link to core: its own signed-in user, the contract's
 * calls, and the events it may see. Events carry patient data, so only a signed-in
 * connection receives them.
 */
export interface CoreConnection {
  call(channel: unknown, request: unknown): Promise<Result<unknown>>;
  /** `seq` is the core's event number (see EventBus): a window that sees one skipped reloads. */
  onEvent(listener: <E extends EventName>(name: E, payload: EventPayload<E>, seq: number) => void): () => void;
  readonly user: User | null;
  close(): void;
}

export interface VigilCore {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly services: Services;
  connect(): CoreConnection;
  close(): void;
}

export function openVigilCore(options: VigilCoreOptions): VigilCore {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, DATABASE_FILE_NAME);
  const logger = options.logger ?? createFileLogger(join(options.dataDir, LOG_FILE_NAME));
  const db = openDatabase(databasePath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const clock = options.clock ?? createSystemClock();
  const bus = new EventBus();
  const services = createServices({
    db,
    clock,
    bus,
    logger,
    settings: DEFAULT_CLINIC_SETTINGS,
    alertRules: DEFAULT_ALERT_RULES,
    technicalPriorities: DEFAULT_TECHNICAL_ALERT_PRIORITIES,
    dischargeCriteria: DEFAULT_DISCHARGE_CRITERIA,
    monitoringSchedule: DEFAULT_MONITORING_SCHEDULE,
  });
  const dispatch = createDispatcher(createHandlers(services), logger, { checkResponses: options.checkResponses ?? false });
  const connections = new Set<CoreConnection>();
  services.ticker.refresh();
  logger.info('core opened', { databasePath });

  return {
    dataDir: options.dataDir,
    databasePath,
    services,
    connect() {
      let user: User | null = null;
      const unsubscribers: (() => void)[] = [];
      const connection: CoreConnection = {
        get user() {
          return user;
        },
        call: (channel, request) =>
          dispatch(
            {
              user,
              signIn: (signedIn) => {
                user = signedIn;
              },
              signOut: () => {
                user = null;
              },
            },
            channel,
            request,
          ),
        onEvent(listener) {
          // Events carry patient data: only clinical staff hear them (an administrator manages users, not patients).
          const unsubscribe = bus.subscribe((name, payload, seq) => {
            if (user?.roles.some((role) => CLINICAL_ROLES.includes(role))) listener(name, payload, seq);
          });
          unsubscribers.push(unsubscribe);
          return unsubscribe;
        },
        close() {
          for (const unsubscribe of unsubscribers) unsubscribe();
          connections.delete(connection);
        },
      };
      connections.add(connection);
      return connection;
    },
    close() {
      services.ticker.stop();
      for (const connection of [...connections]) connection.close();
      db.close();
      logger.info('core closed');
    },
  };
}
