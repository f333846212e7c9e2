import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseCorruptError, DatabaseReadOnlyError, DatabaseStorageError, DatabaseTooNewError } from '../../../src-main/core/db/errors';
import { resolveDataDir } from '../../../src-main/electron/data-dir';
import { NativeBindingMissingError, nativeBindingPath } from '../../../src-main/electron/native-binding';
import { describeStartupFailure, startupLanguage } from '../../../src-main/electron/startup-errors';

const fallback = () => '/home/nurse/.config/Vigil';

describe('resolveDataDir', () => {
  it('prefers --data-dir, then VIGIL_DATA_DIR, then Electron’s userData', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir=/srv/vigil'], { VIGIL_DATA_DIR: '/tmp/env' }, fallback)).toEqual({ dataDir: resolve('/srv/vigil'), overridden: true });
    expect(resolveDataDir(['electron', '.'], { VIGIL_DATA_DIR: '/tmp/env' }, fallback)).toEqual({ dataDir: resolve('/tmp/env'), overridden: true });
    expect(resolveDataDir(['electron', '.'], {}, fallback)).toEqual({ dataDir: '/home/nurse/.config/Vigil', overridden: false });
  });

  it('resolves a relative folder against the working directory, and the last --data-dir wins', () => {
    expect(resolveDataDir(['--data-dir=first', '--data-dir=data/test'], {}, fallback).dataDir).toBe(resolve('data/test'));
  });

  it('refuses an empty folder instead of silently using the default one', () => {
    expect(() => resolveDataDir(['--data-dir='], {}, fallback)).toThrow(/without a folder/);
    expect(() => resolveDataDir([], { VIGIL_DATA_DIR: ' ' }, fallback)).toThrow(/empty/);
  });
});

describe('nativeBindingPath', () => {
  it('uses the resources folder when packaged, .native/electron-<v>-<platform>-<arch> in development', () => {
    const input = { resourcesPath: '/opt/Vigil/resources', projectRoot: '/repo', electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };
    expect(nativeBindingPath({ ...input, isPackaged: true })).toBe(resolve('/opt/Vigil/resources/native/better_sqlite3.node'));
    expect(nativeBindingPath({ ...input, isPackaged: false })).toBe(resolve('/repo/.native/electron-45.5.0-linux-x64/better_sqlite3.node'));
  });
});

describe('describeStartupFailure', () => {
  it('explains a database from a newer Vigil, with both versions and the folder', () => {
    const { title, message } = describeStartupFailure(new DatabaseTooNewError(7, 3, '/data/vigil.sqlite3'), '/data');
    expect(title).toMatch(/newer version/);
    expect(message).toMatch(/schema version 7/);
    expect(message).toMatch(/up to 3/);
    expect(message).toContain('/data');
  });

  it('explains a damaged database and points to the backup', () => {
    const { title, message } = describeStartupFailure(new DatabaseCorruptError('/data/vigil.sqlite3', ['row 3 missing from index']), '/data');
    expect(title).toMatch(/damaged/);
    expect(message).toMatch(/row 3 missing from index/);
    expect(message).toMatch(/backup/);
  });

  it('names a read-only file, a read-only folder and a full disk, each with what to do', () => {
    const file = describeStartupFailure(new DatabaseReadOnlyError('/data/vigil.sqlite3', 'file', '/data/vigil.sqlite3-wal: EACCES'), '/data');
    expect(file.title).toBe('Vigil: database file is read-only');
    expect(file.message).toMatch(/-wal: EACCES.*make it writable/s);
    const folder = describeStartupFailure(new DatabaseReadOnlyError('/data/vigil.sqlite3', 'folder', '/data: EROFS'), '/data');
    expect(folder.title).toBe('Vigil: data folder is read-only');
    const full = describeStartupFailure(new DatabaseStorageError('/data/vigil.sqlite3', 'storage_full', 'SQLITE_FULL'), '/data');
    expect(full.title).toBe('Vigil: disk full');
    expect(full.message).toMatch(/Free some space/);
  });

  it('tells a developer how to build the missing Electron SQLite, and a user to reinstall', () => {
    expect(describeStartupFailure(new NativeBindingMissingError('/repo/.native/x.node', false), '/data').message).toMatch(/node scripts\/electron-native\.mjs/);
    expect(describeStartupFailure(new NativeBindingMissingError('/opt/x.node', true), '/data').message).toMatch(/Reinstall Vigil/);
  });

  it('still says something useful about any other error', () => {
    const { title, message } = describeStartupFailure(new Error('SQLITE_READONLY: attempt to write a readonly database'), '/data');
    expect(title).toMatch(/could not open its database/);
    expect(message).toMatch(/SQLITE_READONLY/);
    expect(describeStartupFailure('weird', '/data').message).toMatch(/weird/);
  });
});

describe('the start-up dialog in the OS language', () => {
  const FAULTS: [string, unknown][] = [
    ['newer version', new DatabaseTooNewError(7, 3, '/data/vigil.sqlite3')],
    ['damaged', new DatabaseCorruptError('/data/vigil.sqlite3', ['row 3 missing from index'])],
    ['read-only file', new DatabaseReadOnlyError('/data/vigil.sqlite3', 'file', '/data/vigil.sqlite3-wal: EACCES')],
    ['read-only folder', new DatabaseReadOnlyError('/data/vigil.sqlite3', 'folder', '/data: EROFS')],
    ['disk full', new DatabaseStorageError('/data/vigil.sqlite3', 'storage_full', 'SQLITE_FULL')],
    ['disk error', new DatabaseStorageError('/data/vigil.sqlite3', 'storage_io', 'SQLITE_IOERR')],
    ['locked', new DatabaseStorageError('/data/vigil.sqlite3', 'storage_busy', 'SQLITE_BUSY')],
    ['engine missing', new NativeBindingMissingError('/opt/x.node', true)],
    ['anything else', new Error('boom')],
  ];

  it('picks Spanish for any Spanish locale and English for everything else', () => {
    expect(['es', 'es-ES', 'es-419', 'ES_mx'].map(startupLanguage)).toEqual(['es', 'es', 'es', 'es']);
    expect(['en-US', 'fr-FR', 'de', '', undefined, 'e'].map(startupLanguage)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });

  it('gives every fault its own Spanish title and a message with its values and the folder, nothing left untranslated', () => {
    const titles = new Set<string>();
    for (const [fault, error] of FAULTS) {
      const english = describeStartupFailure(error, '/data', 'en-GB');
      const spanish = describeStartupFailure(error, '/data', 'es-419');
      expect(spanish.title, fault).not.toBe(english.title);
      expect(spanish.message, fault).not.toBe(english.message);
      expect(spanish.message, fault).toContain('Carpeta de datos: /data');
      expect(`${spanish.title} ${spanish.message}`, fault).not.toMatch(/\{\{|startupFaults\./);
      titles.add(spanish.title);
    }
    expect(titles.size).toBe(FAULTS.length);
    const tooNew = describeStartupFailure(FAULTS[0]?.[1], '/data', 'es');
    expect(tooNew.message).toMatch(/versión de esquema 7.*hasta la 3/);
    expect(describeStartupFailure(FAULTS[4]?.[1], '/data', 'es').message).toMatch(/Libere espacio.*SQLITE_FULL/);
  });

  it('falls back to English for a language Vigil does not have', () => {
    expect(describeStartupFailure(FAULTS[4]?.[1], '/data', 'fr-FR')).toEqual(describeStartupFailure(FAULTS[4]?.[1], '/data'));
  });
});
