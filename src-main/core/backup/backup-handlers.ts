import type { AuditShortfall, BackupRestoreResult, FileCheckStatus } from '../../../shared/domain/backup';
import { AppFailure } from '../../../shared/result';
import type { ActRunner } from '../act';
import { staged, type HandlerContext } from '../handler-kit';
import type { BackupEntry, BackupService } from './backups';
import type { Shortfall } from './high-water';

const view = ({ file, at, reason, sizeBytes, check }: BackupEntry) => ({ file, at, reason, sizeBytes, check });

export interface RestoreRequest {
  file: string;
  /** The administrator who asked, named in the restored file's first act. */
  by: string;
  /** Their name as every window is told it. */
  byName: string;
}

export interface BackupHandlerDeps {
  backups: BackupService;
  acts: ActRunner;
  shortfalls: readonly Shortfall[];
  auditShortfall: AuditShortfall | null;
  lastRestore(): BackupRestoreResult | null;
  /** Null where nothing can reopen core (a core opened without its supervisor). */
  restore: ((request: RestoreRequest) => Promise<BackupRestoreResult>) | null;
  /** The record file's full check (db/background-file-check.ts). */
  fileCheck(): FileCheckStatus;
}

type BackupView = ReturnType<typeof view>;

/** The administrator's backup channels (the role is checked by the dispatcher). */
export function createBackupHandlers({ backups, shortfalls, auditShortfall, lastRestore, restore, fileCheck }: BackupHandlerDeps) {
  const run = staged<'backup/run', BackupView>({
    // The file is written (and checked) first, outside the act: the act then records who asked and what was written.
    prepare: async () => view(await backups.backupNow('manual')),
    run: (_ctx, _request, written) => written,
  });
  const restoreHandler = staged<'backup/restore', BackupRestoreResult>({
    prepare: async (ctx: HandlerContext, request) => {
      if (!restore) throw new AppFailure({ code: 'precondition_failed', reason: 'restore_unavailable', message: 'This Vigil cannot reopen itself on a restored file; restore from the command line with Vigil closed.' });
      return restore({ file: request.file, by: ctx.user?.username ?? 'unknown', byName: ctx.user?.displayName ?? ctx.user?.username ?? 'unknown' });
    },
    run: (_ctx, _request, result) => result,
  });
  return {
    'backup/list': () => ({
      folder: backups.folder,
      backups: backups.list().map(view),
      shortfalls: [...shortfalls],
      auditShortfall,
      lastRestore: lastRestore(),
      fileCheck: fileCheck(),
    }),
    'backup/run': run,
    'backup/restore': restoreHandler,
  };
}
