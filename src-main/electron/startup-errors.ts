import { createInstance, type TFunction } from 'i18next';
import { DatabaseCorruptError, DatabaseReadOnlyError, DatabaseStorageError, DatabaseTooNewError } from '../core/db/errors';
import en from '../../src-renderer/i18n/locales/en/startup.json';
import es from '../../src-renderer/i18n/locales/es/startup.json';
import { NativeBindingMissingError } from './native-binding';

export interface StartupFailure {
  title: string;
  message: string;
}

/**
 * The start-up faults' words come from the renderer's catalogue (locales/<language>/startup.json,
 * checked for en/es parity with every other feature file), keyed by the core's fault codes.
 */
const CATALOGUES = { en, es } as const;
export type StartupLanguage = keyof typeof CATALOGUES;

/** The dialog's language from the OS locale (Electron's `app.getLocale()`: "es", "es-419", "en-GB"...); English otherwise. */
export function startupLanguage(locale: string | undefined): StartupLanguage {
  const language = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(CATALOGUES, language) ? (language as StartupLanguage) : 'en';
}

const translators = new Map<StartupLanguage, TFunction>();

/** A synchronous i18next instance per language (the dialog is shown before anything async can run). */
function translator(language: StartupLanguage): TFunction {
  const known = translators.get(language);
  if (known) return known;
  const instance = createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, es: { translation: es } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  translators.set(language, instance.t);
  return instance.t;
}

type FaultKey = Exclude<keyof (typeof en)['startupFaults'], 'dataFolder' | 'install_incomplete'>;

/** The fault and the values its message names, for each way the start can fail. */
function classify(error: unknown): { title: string; message: string; params: Record<string, string | number> } {
  const of = (fault: FaultKey, params: Record<string, string | number> = {}) => ({ title: `startupFaults.${fault}.title`, message: `startupFaults.${fault}.message`, params });
  if (error instanceof DatabaseTooNewError) return of('storage_too_new', { fileVersion: error.fileVersion, codeVersion: error.codeVersion });
  if (error instanceof DatabaseCorruptError) return of('storage_damaged', { problems: error.problems.slice(0, 3).join('; ') });
  if (error instanceof DatabaseReadOnlyError) return of(error.part === 'folder' ? 'storage_read_only_folder' : 'storage_read_only_file', { detail: error.detail });
  if (error instanceof DatabaseStorageError) return of(error.fault, { detail: error.detail });
  // By name as well: a second copy of the native-binding module (tests that reset modules) has its own class.
  if (error instanceof NativeBindingMissingError || (error instanceof Error && error.name === 'NativeBindingMissingError' && 'isPackaged' in error && 'path' in error)) {
    const missing = error as NativeBindingMissingError;
    return { title: 'startupFaults.install_incomplete.title', message: `startupFaults.install_incomplete.${missing.isPackaged ? 'packaged' : 'development'}`, params: { path: missing.path } };
  }
  return of('internal', { detail: error instanceof Error ? error.message : String(error) });
}

/** What the nurse (or the IT person they call) reads when Vigil refuses to start, in the OS language where Vigil has it. */
export function describeStartupFailure(error: unknown, dataDir: string, locale = 'en'): StartupFailure {
  const t = translator(startupLanguage(locale));
  const { title, message, params } = classify(error);
  return { title: t(title, params), message: `${t(message, params)}\n\n${t('startupFaults.dataFolder', { dataDir })}` };
}
