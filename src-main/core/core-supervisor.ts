import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { EventPayload } from '../../shared/contract/events';
import type { BackupRestoreResult } from '../../shared/domain/backup';
import { AppFailure } from '../../shared/result';
import type { RestoreRequest } from './backup/backup-handlers';
import { checkBackupFile } from './backup/backups';
import { putBack, restoreBackup } from './backup/restore';
import type { Logger } from './logger';
import type { CoreConnection, VigilCore, VigilCoreOptions } from './vigil-core';

type EventListener = Parameters<CoreConnection['onEvent']>[0];

/** A window's connection that outlives the core instance behind it: after a restore it is signed out and hears the new core. */
interface Rebindable extends CoreConnection {
  rebind(core: VigilCore): void;
  /** Tells this window's listeners that the record was restored (they were signed out by the rebind). */
  tellRestored(notice: EventPayload<'record/restored'>): void;
}

function rebindableConnection(core: VigilCore, forget: (connection: Rebindable) => void): Rebindable {
  let inner = core.connect();
  const listeners = new Map<EventListener, () => void>();
  const connection: Rebindable = {
    get user() {
      return inner.user;
    },
    call: (channel, request) => inner.call(channel, request),
    onEvent(listener) {
      listeners.set(listener, inner.onEvent(listener));
      return () => {
        listeners.get(listener)?.();
        listeners.delete(listener);
      };
    },
    close() {
      inner.close();
      listeners.clear();
      forget(connection);
    },
    rebind(next) {
      inner.close();
      inner = next.connect();
      for (const listener of listeners.keys()) listeners.set(listener, inner.onEvent(listener));
    },
    tellRestored(notice) {
      for (const listener of listeners.keys()) listener('record/restored', notice, 0);
    },
  };
  return connection;
}

const restoreFailure = (reason: string, message: string, params?: Record<string, string | number>) =>
  new AppFailure({ code: 'precondition_failed', reason, message, ...(params ? { params } : {}) });

/**
 * Keeps one core instance open on the data file and can put a backup in its place: the
 * restore channel reaches here, the current instance is closed, the backup is put in place
 * by restoreBackup (checked first; the current file kept aside, never overwritten), and a new
 * instance opens on it. Windows keep their connection and are signed out. Anything that
 * fails puts the file that was there back and reopens it.
 */
export function superviseCore(options: VigilCoreOptions & { logger: Logger }, open: (options: VigilCoreOptions) => VigilCore): VigilCore {
  const connections = new Set<Rebindable>();
  let restoring = false;
  let current: VigilCore;

  function reopen(restored?: BackupRestoreResult): void {
    current = open({ ...options, restore, ...(restored ? { restored } : {}) });
    for (const connection of connections) connection.rebind(current);
  }

  function preflight(core: VigilCore, request: RestoreRequest): { backupPath: string; auditSeq: number } {
    if (restoring) throw restoreFailure('restore_running', 'A restore is already running.');
    const backupPath = join(core.backups.folder, request.file);
    if (!existsSync(backupPath)) throw new AppFailure({ code: 'not_found', message: `No backup ${request.file} in ${core.backups.folder}`, field: 'file' });
    // A restore would take an open session's readings out of the record: end them (or use the command line) first.
    const chairs = core.services.views.list('open', core.services.clock.now()).map((summary) => summary.session.chair).join(', ');
    if (chairs) throw restoreFailure('restore_sessions_open', `Sessions are open in chairs ${chairs}`, { chairs });
    const { check, auditSeq } = checkBackupFile(backupPath, options.nativeBinding);
    if (check !== 'ok') throw restoreFailure('restore_backup_damaged', `The backup failed its check (${check}); nothing was changed.`);
    return { backupPath, auditSeq };
  }

  async function restore(request: RestoreRequest): Promise<BackupRestoreResult> {
    const core = current;
    const { backupPath, auditSeq } = preflight(core, request);
    restoring = true;
    try {
      await core.backups.idle();
      const at = core.services.clock.now();
      const fileSeq = core.audit.head().seq;
      const backupAt = core.backups.list().find((entry) => entry.file === request.file)?.at ?? null;
      // The monitor listener lets go of its port before the reopened core listens on it again.
      await core.services.monitorLink.close();
      core.close();
      // The head names the replaced file's last act; kept beside it, it would make the restored file look cut short.
      const headAside = `${core.auditHeadPath}.before-restore-${new Date(at).toISOString().replaceAll(':', '')}`;
      if (existsSync(core.auditHeadPath)) renameSync(core.auditHeadPath, headAside);
      let keptAsideAs: string | null;
      try {
        ({ keptAsideAs } = restoreBackup(core.databasePath, backupPath, at, options.nativeBinding));
      } catch (error) {
        if (existsSync(headAside)) renameSync(headAside, core.auditHeadPath);
        reopen();
        options.logger.error('restore failed; the file that was there is open again', { backup: request.file, error: error instanceof Error ? error.message : String(error) });
        throw restoreFailure('restore_failed', `The backup could not be put in place (${error instanceof Error ? error.message : String(error)}); the current file is unchanged.`);
      }
      const result: BackupRestoreResult = { restoredFrom: request.file, keptAsideAs, at, auditEntriesNotRestored: Math.max(0, fileSeq - auditSeq) };
      try {
        reopen(result);
      } catch (error) {
        // The restored file would not open as a core: the replaced file goes back, as it was.
        putBack(core.databasePath, keptAsideAs);
        if (existsSync(headAside)) renameSync(headAside, core.auditHeadPath);
        reopen();
        throw restoreFailure('restore_failed', `Vigil could not open the restored file (${error instanceof Error ? error.message : String(error)}); the current file is back in place.`);
      }
      // The restored file's record says so itself, and the restored state is the newest backup from now on.
      current.acts.run({ actor: { userId: null, name: request.by }, channel: 'backup/restored', kind: 'write', detail: { ...result } }, () => undefined);
      current.backups.backupNow('after_restore').catch(() => undefined);
      options.logger.info('backup restored; core reopened on it', { ...result });
      const notice = { at, byName: request.byName, restoredFrom: request.file, backupAt };
      for (const connection of connections) connection.tellRestored(notice);
      return result;
    } finally {
      restoring = false;
    }
  }

  current = open({ ...options, restore });
  return {
    get dataDir() {
      return current.dataDir;
    },
    get databasePath() {
      return current.databasePath;
    },
    get services() {
      return current.services;
    },
    get audit() {
      return current.audit;
    },
    get acts() {
      return current.acts;
    },
    get auditHeadPath() {
      return current.auditHeadPath;
    },
    get backups() {
      return current.backups;
    },
    get shortfalls() {
      return current.shortfalls;
    },
    get auditShortfall() {
      return current.auditShortfall;
    },
    get fileCheck() {
      return current.fileCheck;
    },
    get monitorReady() {
      return current.monitorReady;
    },
    integrity: () => current.integrity(),
    verifyRecord: () => current.verifyRecord(),
    sweepIdleWindows: () => current.sweepIdleWindows(),
    connect() {
      const connection = rebindableConnection(current, (gone) => connections.delete(gone));
      connections.add(connection);
      return connection;
    },
    close() {
      current.close();
    },
  };
}
