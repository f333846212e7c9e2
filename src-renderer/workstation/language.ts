import { SUPPORTED_LANGUAGES, switchLanguage, type Language } from '../i18n';
import { useWorkstationPreferences, type LanguageChoice } from './preferences';

export function resolvedLanguage(choice: LanguageChoice, osLanguage: string): Language {
  if (choice !== 'system') return choice;
  const os = osLanguage.slice(0, 2);
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(os) ? (os as Language) : 'en';
}

export function workstationLanguage(): Language {
  return resolvedLanguage(useWorkstationPreferences.getState().language, navigator.language);
}

function apply(): void {
  const language = workstationLanguage();
  document.documentElement.lang = language;
  void switchLanguage(language);
}

/** Keeps the screens' language on the workstation's choice (or the OS language). */
export function startLanguageSync(): void {
  apply();
  useWorkstationPreferences.subscribe(apply);
}
