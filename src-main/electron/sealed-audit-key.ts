import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { AUDIT_KEY_BYTES, AUDIT_KEY_FILE_NAME, loadOrCreateKeyFile, parseKey } from '../core/audit/audit-key';

export const SEALED_KEY_FILE_NAME = 'audit.key.sealed';

/**
 * The audit HMAC key for the desktop app, sealed with the operating system's keystore
 * (safeStorage: DPAPI on Windows, Keychain on macOS, the Secret Service on Linux), so a copy
 * of the data folder alone cannot re-key the chain. Where no keystore is available, the
 * owner-only key file is used and the log says so.
 */
export function loadSealedAuditKey(dataDir: string, safeStorage: SafeStorage, warn: (message: string) => void): Buffer {
  const sealedPath = join(dataDir, SEALED_KEY_FILE_NAME);
  if (!safeStorage.isEncryptionAvailable()) {
    warn('No operating-system keystore: the audit key is kept in an owner-only file in the data folder');
    return loadOrCreateKeyFile(join(dataDir, AUDIT_KEY_FILE_NAME));
  }
  if (existsSync(sealedPath)) return parseKey(safeStorage.decryptString(readFileSync(sealedPath)), sealedPath);
  const key = randomBytes(AUDIT_KEY_BYTES);
  writeFileSync(sealedPath, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
  return key;
}
