import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

export function makeTempDir(prefix = 'vigil-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Temporary folders for one test file: `make()` creates a fresh folder under the OS temp
 * dir; every folder made is removed after each test (or after the file, with `'all'`).
 * Call at the top level of a test file or inside a describe.
 */
export function useTempDirs(cleanup: 'each' | 'all' = 'each'): { make(): string } {
  const made: string[] = [];
  const removeAll = () => {
    for (const dir of made.splice(0)) removeTempDir(dir);
  };
  if (cleanup === 'each') afterEach(removeAll);
  else afterAll(removeAll);
  return {
    make() {
      const dir = makeTempDir();
      made.push(dir);
      return dir;
    },
  };
}
