import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

type Catalogue = Record<string, unknown>;

// Each feature keeps its strings in its own file (locales/<language>/<feature>.json);
// they are merged into one catalogue per language, so keys read `feature.key` everywhere.
// English is the fallback of every screen, so it is in the first bundle; another language's
// files are a chunk of their own, fetched (while the link to main opens) only when chosen.
const ENGLISH = import.meta.glob<Catalogue>('./locales/en/*.json', { eager: true, import: 'default' });
const OTHERS = import.meta.glob<Catalogue>(['./locales/*/*.json', '!./locales/en/*.json'], { import: 'default' });

function deepMerge(target: Catalogue, source: Catalogue): Catalogue {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && existing && typeof existing === 'object') {
      target[key] = deepMerge({ ...(existing as Catalogue) }, value as Catalogue);
    } else {
      target[key] = value;
    }
  }
  return target;
}

const mergeFiles = (files: [string, Catalogue][]): Catalogue =>
  files.sort(([a], [b]) => a.localeCompare(b)).reduce<Catalogue>((merged, [, content]) => deepMerge(merged, content), {});

export async function catalogue(language: Language): Promise<Catalogue> {
  if (language === 'en') return mergeFiles(Object.entries(ENGLISH));
  const loaders = Object.entries(OTHERS).filter(([path]) => path.startsWith(`./locales/${language}/`));
  return mergeFiles(await Promise.all(loaders.map(async ([path, load]): Promise<[string, Catalogue]> => [path, await load()])));
}

const isSupported = (language: string): language is Language => (SUPPORTED_LANGUAGES as readonly string[]).includes(language);

/**
 * Every string on screen comes from these catalogues; English is the fallback. Only the
 * screen's language and English are merged at start (the first screen sooner); another
 * language is merged when the workstation switches to it (`switchLanguage`).
 */
export async function initI18n(language: string = navigator.language.slice(0, 2)): Promise<typeof i18next> {
  const lng: Language = isSupported(language) ? language : 'en';
  const languages = [...new Set<Language>([lng, 'en'])];
  const resources: Resource = Object.fromEntries(await Promise.all(languages.map(async (lang) => [lang, { translation: await catalogue(lang) }])));
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Switches the screens to `language`, merging its catalogue first if it was not loaded at start. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await catalogue(language));
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
