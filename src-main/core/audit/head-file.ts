import { closeSync, fdatasyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

/** The chain's head as last written beside the backups: a copy of the file from before cannot pass for the current one. */
export const AuditHeadSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string(), at: z.number() });
export type AuditHead = z.infer<typeof AuditHeadSchema>;

const headText = (head: AuditHead) => JSON.stringify(head) + '\n';

/** The temporary file a head is written to before it replaces the head: one per head and way of writing, so two writes never share one. */
const temporaryOf = (path: string, head: AuditHead, way: 'sync' | 'async') => `${path}.tmp-${head.seq}-${way}`;

/**
 * Writes the head durably: its text reaches the disk (fdatasync) before the rename puts it in
 * place, so a power cut leaves the old head or the new one, never an empty file that would
 * read as a damaged head at the next start.
 */
export function writeAuditHead(path: string, head: AuditHead): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryOf(path, head, 'sync');
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, headText(head));
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** The same write with the slow part (write and fdatasync) off the main thread; returns the temporary file, for the caller to put in place. */
async function writeTemporaryHead(path: string, head: AuditHead): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryOf(path, head, 'async');
  const file = await open(temporary, 'w', 0o600);
  try {
    await file.writeFile(headText(head));
    await file.datasync();
  } finally {
    await file.close();
  }
  return temporary;
}

/** Temporary head files left by a run that ended while writing one. */
function removeLeftoverTemporaries(path: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  const prefix = `${basename(path)}.tmp`;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    try {
      unlinkSync(join(dirname(path), name));
    } catch {
      // Another Vigil's write in progress, or already gone: nothing to clean.
    }
  }
}

/** The head last written, null when there is none yet; an unreadable file is reported, not ignored. */
export function readAuditHead(path: string): AuditHead | null | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const parsed = AuditHeadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** At most one head write per this interval; a burst of acts writes its last head once. */
export const HEAD_WRITE_INTERVAL_MS = 250;

/**
 * Writes the head after committed acts, never on the way to the caller's answer: on the next
 * turn of the event loop when none was written lately, otherwise the latest head a moment
 * later, so a burst of writes costs one file write. The write and its fdatasync run off the
 * main thread, one at a time; only the rename that puts a head in place runs on it (so heads
 * land in order and an older head never replaces a newer one): the main thread spends what it
 * spent before the fdatasync was added, about 0.15-0.5 ms a write on this disk. The
 * head trails the file (written after its commit), never leads it. `close` writes the newest
 * head at once; a write still in flight then lands nowhere.
 */
export function createHeadWriter(path: string, failed: (error: unknown) => void) {
  removeLeftoverTemporaries(path);
  let pending: AuditHead | null = null;
  let inFlight: AuditHead | null = null;
  let placedSeq = -1;
  let lastWriteAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function schedule(): void {
    if (timer || inFlight || !pending || closed) return;
    timer = setTimeout(writeNext, Math.max(0, HEAD_WRITE_INTERVAL_MS - (performance.now() - lastWriteAt)));
  }

  function discard(temporary: string): void {
    unlink(temporary).catch(() => undefined);
  }

  function writeNext(): void {
    timer = null;
    if (!pending || closed) return;
    const head = pending;
    pending = null;
    inFlight = head;
    lastWriteAt = performance.now();
    writeTemporaryHead(path, head).then(
      (temporary) => {
        inFlight = null;
        if (closed || head.seq <= placedSeq) {
          discard(temporary);
          return;
        }
        try {
          renameSync(temporary, path);
          placedSeq = head.seq;
        } catch (error) {
          discard(temporary);
          failed(error);
        }
        schedule();
      },
      (error: unknown) => {
        inFlight = null;
        // The acts are committed; a head that could not be written is reported (the next act tries again), never a crash.
        if (!closed) failed(error);
        discard(temporaryOf(path, head, 'async'));
        schedule();
      },
    );
  }

  return {
    committed(head: AuditHead): void {
      if (closed) return;
      pending = head;
      schedule();
    },
    /** At close: the newest head known (pending or still being written) is written now, on this thread. */
    close(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      closed = true;
      const newest = pending ?? inFlight;
      pending = null;
      if (!newest || newest.seq <= placedSeq) return;
      try {
        writeAuditHead(path, newest);
        placedSeq = newest.seq;
      } catch (error) {
        failed(error);
      }
    },
  };
}
