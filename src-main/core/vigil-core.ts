import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ALERT_RULES } from '../../shared/clinical/alert-rules';
import { DEFAULT_CLINIC_SETTINGS } from '../../shared/clinical/clinic-settings';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { User } from '../../shared/domain/user';
import type { Result } from '../../shared/result';
import type { AuditStatus, AuditVerify } from '../../shared/domain/audit';
import { createActRunner, type ActRunner } from './act';
import { createRecordCaches } from './record-cache';
import { createWindowAuth } from './auth/window-auth';
import { createAuditLog, type AuditLog } from './audit/audit-log';
import { AUDIT_KEY_FILE_NAME, loadOrCreateKeyFile } from './audit/audit-key';
import { createHeadWriter } from './audit/head-file';
import { verifyInBackground } from './audit/verify';
import type { AuditShortfall, BackupRestoreResult } from '../../shared/domain/backup';
import { createBackupHandlers, type RestoreRequest } from './backup/backup-handlers';
import { createBackupService, type BackupService } from './backup/backups';
import { checkAgainstAuditHead, checkAgainstNewestBackup, scheduleBackups } from './backup/start-checks';
import type { Shortfall } from './backup/high-water';
import { createSystemClock, type Clock } from './clock';
import { createPinHasher, PRODUCTION_PIN_COST, TEST_PIN_COST } from './security/pin-hash';
import { openCheckedDatabase } from './db/open-database';
import { createForeignWriteGuard } from './db/schema-check';
import { lockDataFolder } from './db/folder-lock';
import { startFileCheck, type FileCheckService } from './db/background-file-check';
import { createDispatcher } from './dispatcher';
import { EventBus } from './event-bus';
import { createHandlers } from './handlers';
import { createPdfMaker } from './reports/pdf-maker';
import { createFileLogger, type Logger } from './logger';
import { superviseCore } from './core-supervisor';
import { createServices, type Services } from './services';
import { createClinicConfig } from './services/clinic-config';

export const DATABASE_FILE_NAME = 'vigil.sqlite3';
export const LOG_FILE_NAME = 'vigil.log';

/** The head file is written beside the backups (another folder could hold it; see README). */
export const AUDIT_HEAD_RELATIVE_PATH = join('backups', 'audit-head.json');

export interface VigilCoreOptions {
  dataDir: string;
  /**
   * The audit HMAC key (32 bytes), kept outside the database. The desktop shell passes the
   * key it keeps sealed with safeStorage; without one, core uses the owner-only key file
   * `<dataDir>/audit.key` (web host, command line, tests).
   */
  auditKey?: Buffer;
  /** Where the chain's head is written after each act (default `<dataDir>/backups/audit-head.json`). */
  auditHeadPath?: string;
  /**
   * PIN hashing cost: production (OWASP scrypt) unless the test helper or the web host's
   * --test-clock mode asks for the test cost. The desktop shell never passes it.
   */
  pinCost?: 'production' | 'test';
  /** Measures idle time for the lock (default: the monotonic clock, so a moved test clock does not sign anyone out). */
  idleClock?: Clock;
  clock?: Clock;
  logger?: Logger;
  nativeBinding?: string;
  checkResponses?: boolean;
  /** Listen for bedside monitors on this port whatever the settings say (0: a free port); `--mllp-port`. */
  mllpPort?: number;
  /**
   * The bundled PDF worker script (`pdf-worker.cjs` beside the desktop or web-host bundle):
   * reports are laid out on that worker thread. Without it (tests from source) on this thread.
   */
  pdfWorkerScript?: string;
  /** Where backups go (default: VIGIL_BACKUP_DIR, else `<dataDir>/backups`; another disk is better). */
  backupDir?: string;
  /** Automatic backups at session close and daily (default on). */
  autoBackup?: boolean;
  /** Puts a backup in place and reopens core on it (given by the supervisor, see core-supervisor.ts). */
  restore?: (request: RestoreRequest) => Promise<BackupRestoreResult>;
  /** This core was opened on a file just restored from the admin screen. */
  restored?: BackupRestoreResult;
  /** How long after start the record file's background full check begins (default FILE_CHECK_DELAY_MS; tests: 0). */
  fileCheckDelayMs?: number;
  /**
   * How long after start the audit check of the record begins (default 0: at once). The desktop
   * app and the web host pass START_CHECKS_DELAY_MS, so the first screen and sign-ins do not
   * share the machine with a check that grows with the record.
   */
  auditCheckDelayMs?: number;
}

export const BACKUP_FOLDER_NAME = 'backups';

/**
 * One window's (or one browser tab's) link to core: its own signed-in user, the contract's
 * calls, and the events it may see. Events carry patient data, so only a signed-in
 * connection receives them.
 */
export interface CoreConnection {
  call(channel: unknown, request: unknown): Promise<Result<unknown>>;
  /**
   * `seq` numbers the events this connection hears, 1, 2, 3... (0 for auth/changed, which is
   * this window's own): a window that sees one skipped reloads.
   */
  onEvent(listener: <E extends EventName>(name: E, payload: EventPayload<E>, seq: number) => void): () => void;
  readonly user: User | null;
  close(): void;
}

export interface VigilCore {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly services: Services;
  readonly audit: AuditLog;
  readonly acts: ActRunner;
  readonly auditHeadPath: string;
  /** The start-up check of the record: pending until it has run (in the background, after the core is ready). */
  integrity(): IntegrityState;
  /** Checks the record again now (audit/verify). */
  verifyRecord(): Promise<AuditVerify>;
  /** Settles once the monitor listener is up as the settings (or `mllpPort`) say, or has reported why not. */
  readonly monitorReady: Promise<void>;
  readonly backups: BackupService;
  /** Tables where the file held less at start than the newest backup of it (empty: none). */
  readonly shortfalls: readonly Shortfall[];
  /** The audit chain held fewer entries at start than its head file says were committed (null: it held them all). */
  readonly auditShortfall: AuditShortfall | null;
  /** SQLite's full check of the record file: run before use, or in the background (db/background-file-check.ts). */
  readonly fileCheck: FileCheckService;
  connect(): CoreConnection;
  /** Locks the windows idle past the clinic's time (and signs out disabled accounts), telling each; runs every IDLE_SWEEP_MS. */
  sweepIdleWindows(): void;
  close(): void;
}

/** What the desktop app and the web host (outside tests) give the start-up audit check before it begins. */
export const START_CHECKS_DELAY_MS = 10_000;

/** How often main looks for windows to lock; the lock comes at most this late after the clinic's idle time. */
export const IDLE_SWEEP_MS = 5_000;

interface LiveConnection extends CoreConnection {
  /** Applies main's own changes (idle lock, disabled account) and tells the window. */
  sweep(): void;
  tellAuthChanged(): void;
}

export type IntegrityState = { state: 'checking' } | { state: 'checked'; result: AuditVerify } | { state: 'failed'; message: string };

/**
 * Opens core on `<dataDir>/vigil.sqlite3`, supervised so that a backup restored from the
 * admin screen reopens it in place (core-supervisor.ts).
 */
export function openVigilCore(options: VigilCoreOptions): VigilCore {
  mkdirSync(options.dataDir, { recursive: true });
  // Before anything is read or written: a second Vigil on this folder is refused (folder-lock.ts); held across restores.
  const folderLock = lockDataFolder(options.dataDir, join(options.dataDir, DATABASE_FILE_NAME), options.nativeBinding);
  try {
    const logger = options.logger ?? createFileLogger(join(options.dataDir, LOG_FILE_NAME));
    const core = superviseCore({ ...options, logger }, openCoreInstance);
    const close = core.close.bind(core);
    return Object.assign(core, {
      close() {
        try {
          close();
        } finally {
          folderLock.release();
        }
      },
    });
  } catch (error) {
    folderLock.release();
    throw error;
  }
}

/** One core instance on the file as it is now (closed and replaced by the supervisor on a restore). */
function openCoreInstance(options: VigilCoreOptions): VigilCore {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = join(options.dataDir, DATABASE_FILE_NAME);
  const logger = options.logger ?? createFileLogger(join(options.dataDir, LOG_FILE_NAME));
  const clock = options.clock ?? createSystemClock();
  const { db, fileCheck: fileCheckAtStart } = openCheckedDatabase(databasePath, { now: () => clock.now(), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  const bus = new EventBus();
  const fileCheck = startFileCheck({
    databasePath,
    atStart: fileCheckAtStart,
    clock,
    bus,
    logger,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.fileCheckDelayMs === undefined ? {} : { delayMs: options.fileCheckDelayMs }),
  });
  const auditKey = options.auditKey ?? loadOrCreateKeyFile(join(options.dataDir, AUDIT_KEY_FILE_NAME));
  const auditHeadPath = options.auditHeadPath ?? join(options.dataDir, AUDIT_HEAD_RELATIVE_PATH);
  // Read before any act can rewrite it: a file that holds fewer entries than this has lost acknowledged acts.
  const { headAtStart, auditShortfall } = options.restored ? { headAtStart: undefined, auditShortfall: null } : checkAgainstAuditHead(db, auditHeadPath, logger);
  const audit = createAuditLog(db, auditKey);
  // A file from before the audit trail: its existing rows are vouched for once, as found.
  audit.adoptUnaudited(clock.now());
  // Bound below, once the record's check exists: a change by another program while Vigil runs is checked at once.
  let changedElsewhere = (): void => undefined;
  const acts = createActRunner(db, audit, bus, clock, logger, createForeignWriteGuard(db, databasePath, () => changedElsewhere(), options.nativeBinding));
  const caches = createRecordCaches(db);
  acts.onEnded(() => caches.settle());
  const headWriter = createHeadWriter(auditHeadPath, (error) => logger.error('audit head write failed', { error: error instanceof Error ? error.message : String(error) }));
  acts.onCommitted((head) => headWriter.committed(head));
  const hasher = createPinHasher(options.pinCost === 'test' ? TEST_PIN_COST : PRODUCTION_PIN_COST);
  const idleClock = options.idleClock ?? { now: () => Math.round(performance.now()) };
  const clinicConfig = createClinicConfig(db, clock, caches);
  const services = createServices({
    db,
    clock,
    bus,
    logger,
    acts,
    caches,
    settings: DEFAULT_CLINIC_SETTINGS,
    alertRules: DEFAULT_ALERT_RULES,
    clinicConfig,
    // Live views of the stored configuration: every read sees the version in force.
    get technicalPriorities() {
      return clinicConfig.current().technicalAlertPriorities;
    },
    get dischargeCriteria() {
      return clinicConfig.current().dischargeCriteria;
    },
    get monitoringSchedule() {
      return clinicConfig.current().monitoringSchedule;
    },
  }, { hasher, isGenuine: (table, rowid) => audit.rowIsGenuine(table, rowid) });
  // A rolled-back act may have touched the per-session reading state: rebuild it from the record.
  acts.onRolledBack(() => services.readings.invalidateState());
  let integrity: IntegrityState = { state: 'checking' };
  let firstCheck = true;
  let closed = false;
  /** Every check (at start, or asked for) updates what administrators are warned about. */
  const verifyRecord = async (): Promise<AuditVerify> => {
    // The start-up check compares with the head as found at start (an act since may have moved the file on).
    const result = { ...(await verifyInBackground(db, auditKey, auditHeadPath, firstCheck ? headAtStart : undefined)), checkedAt: clock.now() };
    firstCheck = false;
    integrity = { state: 'checked', result };
    return result;
  };
  const status = (): AuditStatus => {
    if (integrity.state === 'checking') return { state: 'checking', firstBreak: null, breaks: 0, checkedAt: null, fileCheck: fileCheck.status() };
    if (integrity.state === 'failed') return { state: 'failed', firstBreak: null, breaks: 0, checkedAt: null, message: integrity.message, fileCheck: fileCheck.status() };
    const { result } = integrity;
    return { state: result.intact ? 'intact' : 'broken', firstBreak: result.firstBreak, breaks: result.breaks.length, checkedAt: result.checkedAt, fileCheck: fileCheck.status() };
  };
  const backups = createBackupService({ db, folder: options.backupDir ?? process.env.VIGIL_BACKUP_DIR ?? join(options.dataDir, BACKUP_FOLDER_NAME), clock, logger, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  // A restore done on purpose leaves the file shorter than its newest backup and its old head: said once, as the restore.
  const found = options.restored ? [] : checkAgainstNewestBackup(db, backups, logger);
  const stopAutoBackup = options.autoBackup === false ? () => undefined : scheduleBackups(backups, bus, clock, logger);
  const backupHandlers = createBackupHandlers({ backups, acts, shortfalls: found, auditShortfall, lastRestore: () => options.restored ?? null, restore: options.restore ?? null, fileCheck: () => fileCheck.status() });
  const pdf = createPdfMaker(options.pdfWorkerScript ?? null, logger);
  const dispatch = createDispatcher({ ...createHandlers(services, { verifyRecord, status, audit: db, pdf }), ...backupHandlers }, acts, logger, { checkResponses: options.checkResponses ?? false });
  const connections = new Set<LiveConnection>();
  // Main locks idle windows itself and tells them, so a screen left open stops showing patient data on time.
  const sweepIdleWindows = () => {
    for (const connection of connections) {
      try {
        connection.sweep();
      } catch (error) {
        logger.error('idle lock check failed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  const idleSweep = setInterval(sweepIdleWindows, IDLE_SWEEP_MS);
  idleSweep.unref();
  services.ticker.refresh();
  const monitorReady = services.monitorLink.apply(options.mllpPort === undefined ? {} : { forcePort: options.mllpPort });
  logger.info('core opened', { databasePath });

  /** Checks the record against its audit trail (in chunks, between calls); `settled` runs when it has answered. */
  const checkRecord = (settled: () => void = () => undefined) =>
    void verifyRecord().then(
      (result) => {
        settled();
        if (!result.intact) logger.error('the record does not match its audit trail', { firstBreak: result.firstBreak, breaks: result.breaks.length });
      },
      (error: unknown) => {
        settled();
        if (closed) return;
        integrity = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
        logger.error('the check of the record failed', { error: integrity.message });
      },
    );
  // The start-up check runs after the core is ready (after auditCheckDelayMs), a chunk per turn of the event loop.
  const startAuditCheck = () => checkRecord();
  let recheckRunning = false;
  changedElsewhere = () => {
    logger.error('the record file was changed by another program while Vigil ran: checking it against its audit trail now');
    if (recheckRunning) return;
    recheckRunning = true;
    // After the act that noticed it, which holds the write lock.
    setImmediate(() => {
      if (closed) return;
      checkRecord(() => {
        recheckRunning = false;
      });
    });
  };
  const auditCheckTimer = options.auditCheckDelayMs ? setTimeout(startAuditCheck, options.auditCheckDelayMs) : null;
  auditCheckTimer?.unref();
  if (!auditCheckTimer) startAuditCheck();

  return {
    dataDir: options.dataDir,
    databasePath,
    services,
    audit,
    acts,
    auditHeadPath,
    integrity: () => integrity,
    verifyRecord,
    monitorReady,
    backups,
    shortfalls: found,
    auditShortfall,
    fileCheck,
    sweepIdleWindows,
    connect() {
      const auth = createWindowAuth({ acts, users: services.users, clinicConfig, clock, idleClock, logger });
      // The window's own numbering of the events it hears (1, 2, 3...): an event it may not
      // hear (locked, or not its role) leaves no gap, so a gap always means one was lost.
      let heardCount = 0;
      let lastBusSeq = 0;
      const numbered = (busSeq: number) => {
        if (busSeq !== lastBusSeq) {
          lastBusSeq = busSeq;
          heardCount += 1;
        }
        return heardCount;
      };
      const listeners = new Set<Parameters<CoreConnection['onEvent']>[0]>();
      const unsubscribers: (() => void)[] = [];
      const connection: LiveConnection = {
        get user() {
          return auth.user;
        },
        call: (channel, request) => {
          if (auth.beforeCall()) connection.tellAuthChanged();
          return dispatch(auth.context, channel, request);
        },
        onEvent(listener) {
          listeners.add(listener);
          const unsubscribe = bus.subscribe((name, payload, busSeq) => {
            if (auth.hears(name)) listener(name, payload, numbered(busSeq));
          });
          unsubscribers.push(unsubscribe, () => listeners.delete(listener));
          return () => {
            unsubscribe();
            listeners.delete(listener);
          };
        },
        sweep() {
          if (auth.enforce()) connection.tellAuthChanged();
        },
        tellAuthChanged() {
          const status = auth.status();
          for (const listener of listeners) listener('auth/changed', status, 0);
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
      closed = true;
      if (auditCheckTimer) clearTimeout(auditCheckTimer);
      clearInterval(idleSweep);
      headWriter.close();
      stopAutoBackup();
      services.ticker.stop();
      void services.monitorLink.close();
      pdf.close();
      for (const connection of [...connections]) connection.close();
      fileCheck.stop();
      db.close();
      fileCheck.recordAfterClose();
      logger.info('core closed');
    },
  };
}
