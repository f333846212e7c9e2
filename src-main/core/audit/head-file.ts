import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The chain's head as last written beside the backups: a copy of the file from before cannot pass for the current one. */
export const AuditHeadSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string(), at: z.number() });
export type AuditHead = z.infer<typeof AuditHeadSchema>;

export function writeAuditHead(path: string, head: AuditHead): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(head) + '\n', { mode: 0o600 });
  renameSync(temporary, path);
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
const HEAD_WRITE_INTERVAL_MS = 250;

/**
 * Writes the head after committed acts, never on the way to the caller's answer: on the next
 * turn of the event loop when none was written lately, otherwise the latest head a moment
 * later (and at close), so a burst of writes costs one file write. The head trails the file
 * (written after its commit), never leads it.
 */
export function createHeadWriter(path: string, failed: (error: unknown) => void) {
  let pending: AuditHead | null = null;
  let lastWriteAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const head = pending;
    pending = null;
    lastWriteAt = performance.now();
    try {
      writeAuditHead(path, head);
    } catch (error) {
      // The acts are committed; a head that could not be written is reported (the next act tries again), never a crash.
      failed(error);
    }
  }

  return {
    committed(head: AuditHead): void {
      pending = head;
      if (timer) return;
      // Writing it here (a write and a rename, ~50 µs) would hold up the answer of an act that came alone.
      timer = setTimeout(flush, Math.max(0, HEAD_WRITE_INTERVAL_MS - (performance.now() - lastWriteAt)));
    },
    flush,
  };
}
