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
 * Writes the head after committed acts: at once when none was written lately, otherwise
 * the latest head a moment later (and at close), so a burst of writes costs one file write.
 */
export function createHeadWriter(path: string) {
  let pending: AuditHead | null = null;
  let lastWriteAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    writeAuditHead(path, pending);
    pending = null;
    lastWriteAt = performance.now();
  }

  return {
    committed(head: AuditHead): void {
      pending = head;
      if (timer) return;
      if (performance.now() - lastWriteAt >= HEAD_WRITE_INTERVAL_MS) flush();
      else timer = setTimeout(flush, HEAD_WRITE_INTERVAL_MS);
    },
    flush,
  };
}
