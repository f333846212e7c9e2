import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHeadWriter, HEAD_WRITE_INTERVAL_MS, readAuditHead } from '../../../src-main/core/audit/head-file';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-audit-head-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const head = (seq: number) => ({ seq, hash: String(seq).padStart(64, '0'), at: 1_767_600_000_000 + seq });

describe('the audit head writer', () => {
  it('writes after the act has answered, not on the way to its answer', async () => {
    const path = join(dir, 'backups', 'audit-head.json');
    const writer = createHeadWriter(path, (error) => {
      throw error;
    });
    writer.committed(head(1));
    // Nothing yet: the caller's answer goes out first.
    expect(existsSync(path)).toBe(false);
    await vi.waitFor(() => expect(readAuditHead(path)).toEqual(head(1)));
  });

  it('writes a burst\'s last head once, and a pending head at close at once', async () => {
    const path = join(dir, 'audit-head.json');
    const writer = createHeadWriter(path, (error) => {
      throw error;
    });
    writer.committed(head(1));
    await vi.waitFor(() => expect(readAuditHead(path)).toEqual(head(1)));
    for (let seq = 2; seq <= 5; seq++) writer.committed(head(seq));
    expect(readAuditHead(path)).toEqual(head(1));
    await vi.waitFor(() => expect(readAuditHead(path)).toEqual(head(5)));
    writer.committed(head(6));
    writer.close();
    expect(readAuditHead(path)).toEqual(head(6));
    expect(readdirSync(dir)).toEqual(['audit-head.json']);
  });

  it('at close writes the head still being written, and that write then never puts an older head back', async () => {
    const path = join(dir, 'audit-head.json');
    const writer = createHeadWriter(path, (error) => {
      throw error;
    });
    writer.committed(head(1));
    await vi.waitFor(() => expect(readAuditHead(path)).toEqual(head(1)));
    // Head 2 leaves for the disk off the main thread once its interval has passed; close comes while it is on its way.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      writer.committed(head(2));
      vi.advanceTimersByTime(HEAD_WRITE_INTERVAL_MS);
    } finally {
      vi.useRealTimers();
    }
    writer.close();
    expect(readAuditHead(path)).toEqual(head(2));
    // A restore moves the head aside after close: the write that was in flight must not bring one back.
    rmSync(path);
    await vi.waitFor(() => expect(readdirSync(dir)).toEqual([]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes temporary heads a run left behind when it ended mid-write', () => {
    const path = join(dir, 'audit-head.json');
    writeFileSync(`${path}.tmp-41-async`, '');
    writeFileSync(`${path}.tmp`, '{"seq":');
    writeFileSync(join(dir, 'keep-me.json'), '{}');
    createHeadWriter(path, () => undefined);
    expect(readdirSync(dir)).toEqual(['keep-me.json']);
  });

  it('reports a head it cannot write instead of throwing, and writes the next one once it can', async () => {
    // The folder the head goes in is a file: mkdir fails.
    const blocked = join(dir, 'backups');
    writeFileSync(blocked, 'not a folder');
    const path = join(blocked, 'audit-head.json');
    const failures: unknown[] = [];
    const writer = createHeadWriter(path, (error) => failures.push(error));
    writer.committed(head(1));
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    rmSync(blocked);
    mkdirSync(blocked);
    writer.committed(head(2));
    await vi.waitFor(() => expect(readAuditHead(path)).toEqual(head(2)));
    expect(failures).toHaveLength(1);
    // At close too, a head that cannot be written is reported, not thrown.
    rmSync(blocked, { recursive: true });
    writeFileSync(blocked, 'not a folder');
    writer.committed(head(3));
    writer.close();
    expect(failures).toHaveLength(2);
    expect(readFileSync(blocked, 'utf8')).toBe('not a folder');
  });
});
