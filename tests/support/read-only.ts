import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';

/**
 * Makes a file or folder refuse writes, the way a clinic's read-only share or a locked-down
 * file would. Root passes every permission check, so as root the immutable attribute
 * (chattr +i) stands in for it; otherwise the write bits are cleared. Returns the undo,
 * or null with the reason when this machine can do neither (the caller prints it and skips).
 */
export function makeReadOnly(path: string): { undo: () => void } | { reason: string } {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    const mode = statSync(path).mode & 0o7777;
    chmodSync(path, mode & ~0o222);
    return { undo: () => chmodSync(path, mode) };
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'pipe' });
    return { undo: () => execFileSync('chattr', ['-i', path], { stdio: 'pipe' }) };
  } catch (error) {
    return { reason: `running as root and chattr +i failed here (${(error as Error).message.split('\n')[0]})` };
  }
}
