import type { Logger } from '../../src-main/core/logger';

export interface LogEntry {
  level: 'info' | 'error';
  message: string;
  detail?: Record<string, unknown>;
}

/** A logger that keeps its lines in memory, so a test can check that nothing failed unseen. */
export function createMemoryLogger(): Logger & { entries: LogEntry[]; errors(): LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (message, detail) => {
      entries.push({ level: 'info', message, ...(detail ? { detail } : {}) });
    },
    error: (message, detail) => {
      entries.push({ level: 'error', message, ...(detail ? { detail } : {}) });
    },
    errors: () => entries.filter((entry) => entry.level === 'error'),
  };
}
