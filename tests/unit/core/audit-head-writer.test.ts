import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHeadWriter, readAuditHead } from '../../../src-main/core/audit/head-file';

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
    writer.flush();
    expect(readAuditHead(path)).toEqual(head(6));
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
    writer.committed(head(2));
    writer.flush();
    expect(failures).toHaveLength(2);
    rmSync(blocked);
    mkdirSync(blocked);
    writer.committed(head(3));
    writer.flush();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(head(3));
  });
});
