import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openVigilCore } from '../../src-main/core/vigil-core';
import { describeStartupFailure } from '../../src-main/electron/startup-errors';
import { createMemoryLogger } from '../support/memory-logger';
import { makeReadOnly } from '../support/read-only';
import { useTempDirs } from '../support/temp-dir';
import { databasePathIn, openTestCore } from '../support/test-core';

const dirs = useTempDirs();

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A closed Vigil file with a few rows, in its own data folder. */
function vigilFile(): { dataDir: string; path: string } {
  const dataDir = dirs.make();
  openTestCore(dataDir).core.close();
  return { dataDir, path: databasePathIn(dataDir) };
}

/** Each fault Vigil refuses to start on, made on a real file; `undo` gives the folder back for clean-up. */
const FAULTS: Record<string, () => { dataDir: string; path: string; undo?: () => void } | { skip: string }> = {
  damaged: () => {
    const file = vigilFile();
    const bytes = readFileSync(file.path);
    bytes.fill(0x55, 4096, 3 * 4096); // the schema b-tree pages
    writeFileSync(file.path, bytes);
    return file;
  },
  notADatabase: () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    writeFileSync(path, 'Vigil export, not a database\n'.repeat(200));
    return { dataDir, path };
  },
  newerVersion: () => {
    const file = vigilFile();
    const db = new BetterSqlite3(file.path);
    db.pragma('user_version = 999');
    db.close();
    return file;
  },
  readOnlyFile: () => {
    const file = vigilFile();
    const made = makeReadOnly(file.path);
    return 'reason' in made ? { skip: made.reason } : { ...file, undo: made.undo };
  },
};

describe('faults at start: each refused with its own message, the file left as it was', () => {
  it('damaged, not a database, newer version and read-only each get their own title and say what to do', () => {
    const titles = new Map<string, string>();
    const skipped: string[] = [];
    for (const [fault, make] of Object.entries(FAULTS)) {
      const made = make();
      if ('skip' in made) {
        skipped.push(`${fault}: ${made.skip}`);
        continue;
      }
      const before = digest(made.path);
      let failure: ReturnType<typeof describeStartupFailure> | null = null;
      try {
        openVigilCore({ dataDir: made.dataDir, logger: createMemoryLogger(), pinCost: 'test' }).close();
      } catch (error) {
        failure = describeStartupFailure(error, made.dataDir);
      } finally {
        made.undo?.();
      }
      expect(failure, fault).not.toBeNull();
      titles.set(fault, failure?.title ?? '');
      expect(failure?.message, fault).toContain(made.dataDir);
      expect(digest(made.path), `${fault}: the file is unchanged`).toBe(before);
      expect(existsSync(`${made.path}-wal`), `${fault}: no WAL was started`).toBe(false);
      if (fault === 'damaged' || fault === 'notADatabase') expect(failure?.message).toMatch(/Restore the most recent backup.*vigil-backup/s);
      if (fault === 'newerVersion') expect(failure?.message).toMatch(/newer Vigil .*not changed/s);
    }
    // The two kinds of damage share their advice; every other fault has its own title.
    expect(titles.get('damaged')).toBe(titles.get('notADatabase'));
    const distinct = new Set(titles.values());
    expect(distinct.size).toBe(titles.size - 1);
    process.stdout.write(
      `fault proofs at start: ${titles.size} faults, ${distinct.size} distinct messages (${[...distinct].join(' | ')}), ${titles.size} files unchanged${skipped.length > 0 ? `; skipped: ${skipped.join('; ')}` : ''} (disk full and read-only while running: storage-faults.test.ts)\n`,
    );
  });
});
