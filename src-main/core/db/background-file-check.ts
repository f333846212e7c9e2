import type { FileCheckStatus } from '../../../shared/domain/backup';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import { fullCheckInWorker, recordFileCheck, type BackgroundCheck, type FullCheckResult } from './file-check';
import type { FileCheckAtStart } from './open-database';

/** How long after start the background check waits, so the first screens and sign-ins have the machine first. */
export const FILE_CHECK_DELAY_MS = 10_000;

/** Lines of integrity_check's answer kept for the administrator (the log has them all). */
const PROBLEMS_SHOWN = 5;

export interface FileCheckService {
  status(): FileCheckStatus;
  /** Settles when this run's full check has finished (at once when it ran at start). */
  readonly settled: Promise<void>;
  /** Stops a check in progress (before the database closes). */
  stop(): void;
  /** After the database has closed: records what the next start may trust (file-check.ts). */
  recordAfterClose(): void;
}

export interface FileCheckDeps {
  databasePath: string;
  atStart: FileCheckAtStart;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  nativeBinding?: string;
  delayMs?: number;
}

/**
 * This run's full check of the record file. When it did not run before use, it runs on a
 * worker thread after `delayMs`. Damage found then does not stop charting (a sedated patient's
 * readings still need recording, and SQLite still commits into a file with a damaged index or
 * page elsewhere): it is logged as an error, every signed-in window is told at once
 * (`system/notice` fileDamaged), administrators see it on every screen and on Backups, and the
 * next start refuses the file until a backup is restored.
 */
export function startFileCheck({ databasePath, atStart, clock, bus, logger, nativeBinding, delayMs = FILE_CHECK_DELAY_MS }: FileCheckDeps): FileCheckService {
  let state: FileCheckStatus['state'] = atStart.fullCheckAtStart ? 'ok' : 'checking';
  let last: { result: FullCheckResult; where: 'start' | 'background' | 'previousRun' } = { result: atStart.lastFullCheck, where: atStart.fullCheckAtStart ? 'start' : 'previousRun' };
  let thisRun: FullCheckResult | null = atStart.fullCheckAtStart ? atStart.lastFullCheck : null;
  let message: string | undefined;
  let running: BackgroundCheck | null = null;
  let stopped = false;

  const finished = (result: FullCheckResult) => {
    thisRun = result;
    last = { result, where: 'background' };
    if (result.problems.length === 0) {
      state = 'ok';
      logger.info('full check of the record file: ok', { durationMs: result.durationMs });
      return;
    }
    state = 'damaged';
    logger.error('the full check of the record file found damage; charting goes on; restore the newest backup once the open sessions are closed', { problems: result.problems });
    bus.emit('system/notice', { kind: 'fileDamaged', at: clock.now() });
  };

  let timer: NodeJS.Timeout | null = null;
  let settle: () => void = () => undefined;
  const settled = atStart.fullCheckAtStart
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        settle = resolve;
        timer = setTimeout(() => {
          timer = null;
          running = fullCheckInWorker(databasePath, () => clock.now(), nativeBinding);
          running.result
            .then(({ at, durationMs, problems }) => finished({ at, durationMs, problems }), (error: unknown) => {
              if (stopped) return;
              state = 'failed';
              message = error instanceof Error ? error.message : String(error);
              logger.error('the full check of the record file could not run', { error: message });
            })
            .finally(() => {
              running = null;
              resolve();
            });
        }, delayMs);
        timer.unref();
      });

  return {
    settled,
    status: () => ({
      state,
      last: { at: last.result.at, durationMs: last.result.durationMs, where: last.where, problems: last.result.problems.slice(0, PROBLEMS_SHOWN) },
      ...(message ? { message } : {}),
    }),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      running?.cancel();
      if (!running) settle();
    },
    recordAfterClose() {
      try {
        recordFileCheck(databasePath, thisRun);
      } catch (error) {
        logger.error('could not record the file check for the next start (it will check the whole file)', { error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
