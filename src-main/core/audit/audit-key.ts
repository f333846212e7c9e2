import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';

export const AUDIT_KEY_BYTES = 32;
export const AUDIT_KEY_FILE_NAME = 'audit.key';

/**
 * The audit HMAC key in an owner-only file (mode 0600), created on first use. The web host
 * and the command-line verify use this; the desktop app keeps the key sealed with the
 * operating system's keystore (safeStorage) and hands it to core instead.
 */
export function loadOrCreateKeyFile(path: string): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(AUDIT_KEY_BYTES).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return parseKey(readFileSync(path, 'utf8'), path);
}

export function parseKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== AUDIT_KEY_BYTES) throw new Error(`The audit key in ${where} is not ${AUDIT_KEY_BYTES} bytes of base64`);
  return key;
}
