import { create } from 'zustand';
import { SUPPORTED_LANGUAGES, type Language } from '../i18n';

/**
 * This workstation's display choices. They belong to the machine at the chair (one room is
 * dimmed, another is not), not to the user or the clinic, so they live in localStorage and
 * never reach main.
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type LanguageChoice = 'system' | Language;
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['system', ...SUPPORTED_LANGUAGES];

const THEME_KEY = 'vigil.workstation.theme';
const LANGUAGE_KEY = 'vigil.workstation.language';

function stored<T extends string>(key: string, allowed: readonly T[]): T | null {
  try {
    const value = localStorage.getItem(key);
    return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : null;
  } catch {
    return null; // storage refused (private mode): the OS settings apply
  }
}

function store(key: string, value: string): void {
  try {
    if (value === 'system') localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // A display preference that cannot be kept still applies to this window.
  }
}

interface WorkstationPreferences {
  theme: ThemeChoice;
  language: LanguageChoice;
  setTheme(theme: ThemeChoice): void;
  setLanguage(language: LanguageChoice): void;
}

export const useWorkstationPreferences = create<WorkstationPreferences>()((set) => ({
  theme: stored(THEME_KEY, THEME_CHOICES) ?? 'system',
  language: stored(LANGUAGE_KEY, LANGUAGE_CHOICES) ?? 'system',
  setTheme: (theme) => {
    store(THEME_KEY, theme);
    set({ theme });
  },
  setLanguage: (language) => {
    store(LANGUAGE_KEY, language);
    set({ language });
  },
}));
