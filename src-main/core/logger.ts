import { appendFileSync } from 'node:fs';

export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/** JSON lines appended to a file in the data folder (and errors to stderr). No patient data goes here. */
export function createFileLogger(path: string): Logger {
  const write = (level: string, message: string, detail?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...detail });
    try {
      appendFileSync(path, line + '\n');
    } catch {
      // A full disk must not take the console down with it; the error still reaches stderr.
    }
    if (level === 'error') console.error(line);
  };
  return {
    info: (message, detail) => write('info', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
