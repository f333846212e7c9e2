import { copyFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { EventPayload } from '../../../shared/contract/events';
import type { AuditShortfall } from '../../../shared/domain/backup';
import { readAuditHead } from '../audit/head-file';
import type { HeadAtStart } from '../audit/verify';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { BackupService } from './backups';
import { highWaterMarks, shortfalls, type Shortfall } from './high-water';

const DAILY_MS = 24 * 60 * 60 * 1000;
/** How often to look whether a day has passed since the newest backup. */
const BACKUP_CHECK_INTERVAL_MS = 15 * 60 * 1000;

/**
 * A file that holds fewer rows (or a lower highest id) in any table than its newest good
 * backup once did has lost acknowledged entries: said loudly in the log, and to the
 * administrator on the Backups screen.
 */
export function checkAgainstNewestBackup(db: Database, backups: BackupService, logger: Logger): Shortfall[] {
  const newest = backups.newest();
  if (!newest) return [];
  const found = shortfalls(highWaterMarks(db), newest.marks);
  if (found.length > 0) logger.error('the database holds less than its newest backup', { backup: newest.file, shortfalls: found });
  return found;
}

/**
 * The head file is rewritten after every act, so it names the last act Vigil acknowledged,
 * also after the newest backup. A chain that ends before it has lost acts. Read at start,
 * before any act moves it on; when short, the head found is kept beside it as evidence
 * (`audit-head.json.found-<time>`), because the next act overwrites it.
 */
export function checkAgainstAuditHead(db: Database, headPath: string, logger: Logger): { headAtStart: HeadAtStart; auditShortfall: AuditShortfall | null } {
  const headAtStart = readAuditHead(headPath);
  if (!headAtStart || headAtStart === 'unreadable') return { headAtStart, auditShortfall: null };
  const fileSeq = (db.prepare('SELECT MAX(seq) AS m FROM audit_log').get() as { m: number | null } | undefined)?.m ?? 0;
  if (headAtStart.seq <= fileSeq) return { headAtStart, auditShortfall: null };
  const auditShortfall: AuditShortfall = { headSeq: headAtStart.seq, headAt: headAtStart.at, fileSeq };
  const evidence = `${headPath}.found-${new Date().toISOString().replaceAll(':', '')}`;
  try {
    copyFileSync(headPath, evidence);
  } catch {
    // The finding is still logged and shown; only the copy of the head is missing.
  }
  logger.error('the record holds fewer audit entries than were acknowledged', { ...auditShortfall, headKeptAs: evidence });
  return { headAtStart, auditShortfall };
}

/** A backup after each session is closed or aborted, and one a day (checked every 15 minutes). Returns the stop. */
export function scheduleBackups(backups: BackupService, bus: EventBus, clock: Clock, logger: Logger): () => void {
  let stopped = false;
  const run = (reason: 'session_close' | 'daily') => {
    if (stopped) return;
    backups.backupNow(reason).catch(() => {
      // Logged by the backup service; the next trigger tries again.
    });
  };
  const unsubscribe = bus.subscribe((name, payload) => {
    if (name !== 'session/changed') return;
    const phase = (payload as EventPayload<'session/changed'>).session.phase;
    if (phase === 'closed' || phase === 'aborted') setImmediate(() => run('session_close'));
  });
  const dailyCheck = () => {
    const newest = backups.newest();
    if (!newest || clock.now() - newest.at >= DAILY_MS) run('daily');
  };
  const interval = setInterval(dailyCheck, BACKUP_CHECK_INTERVAL_MS);
  interval.unref();
  logger.info('backups scheduled', { folder: backups.folder });
  return () => {
    stopped = true;
    clearInterval(interval);
    unsubscribe();
  };
}
