import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import { makePdf, type PdfJob } from './pdf-jobs';

export interface PdfMaker {
  make(job: PdfJob): Promise<Uint8Array>;
  /** Where PDFs are laid out: a worker thread, or this thread (no worker bundle: tests from source, scripts). */
  readonly where: 'worker' | 'inline';
  close(): void;
}

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * Makes PDFs on one worker thread (started at the first export, kept for the next) when the
 * bundled worker script exists, else on this thread. The database is read on the main thread
 * (the record is built there, in one consistent read); only the layout moves, and with it the
 * hundreds of milliseconds a long session's report costs. A worker that dies fails the jobs
 * it held and is started again for the next.
 */
export function createPdfMaker(workerScript: string | null, logger: Logger): PdfMaker {
  if (!workerScript || !existsSync(workerScript)) {
    return { make: makePdf, where: 'inline', close: () => undefined };
  }
  // Worker wants an absolute path (or ./-relative); a relative one would be read against the working folder anyway.
  const script = resolve(workerScript);
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();

  function failAll(error: Error): void {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    worker = null;
  }

  function started(): Worker {
    if (worker) return worker;
    const fresh = new Worker(script);
    // An idle worker must not keep the web host or a test process alive.
    fresh.unref();
    fresh.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.bytes);
    });
    fresh.on('error', (error) => {
      logger.error('PDF worker failed', { error: error.message });
      failAll(error);
    });
    fresh.on('exit', (code) => {
      if (worker === fresh) failAll(new Error(`PDF worker exited (${code})`));
    });
    worker = fresh;
    return fresh;
  }

  return {
    where: 'worker',
    make(job) {
      return new Promise((resolve, reject) => {
        nextId += 1;
        pending.set(nextId, { resolve, reject });
        started().postMessage({ id: nextId, job });
      });
    },
    close() {
      const running = worker;
      worker = null;
      void running?.terminate();
      for (const job of pending.values()) job.reject(new Error('closed'));
      pending.clear();
    },
  };
}
