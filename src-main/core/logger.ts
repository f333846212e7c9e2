import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/** Where the log goes when the data folder's disk refuses it (full, read-only, failing). */
export function defaultFallbackLogPath(): string {
  return join(tmpdir(), 'vigil-fallback.log');
}

/**
 * JSON lines appended to a file in the data folder, errors also to stderr. No patient data
 * goes here. The log usually fails for the same reason the database does (a full or dead
 * disk), so a line the first file refuses goes to a second file on another folder, and a
 * line both refuse goes to stderr (the OS journal under systemd, the console otherwise):
 * the error that explains a fault is never the one that is lost.
 */
export function createFileLogger(path: string, fallbackPath: string = defaultFallbackLogPath()): Logger {
  let usingFallback = false;
  const append = (target: string, line: string): boolean => {
    try {
      appendFileSync(target, line + '\n');
      return true;
    } catch {
      return false;
    }
  };
  const write = (level: string, message: string, detail?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...detail });
    let written = append(path, line);
    if (written && usingFallback) {
      usingFallback = false;
      append(fallbackPath, JSON.stringify({ at: new Date().toISOString(), level: 'info', message: 'log back in its own file', path }));
    }
    if (!written) {
      if (!usingFallback) {
        usingFallback = true;
        const notice = JSON.stringify({ at: new Date().toISOString(), level: 'error', message: 'log file refused a line; writing here instead', path });
        append(fallbackPath, notice);
        console.error(`${notice} fallback=${fallbackPath}`);
      }
      written = append(fallbackPath, line);
    }
    if (level === 'error' || !written) console.error(line);
  };
  return {
    info: (message, detail) => write('info', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
