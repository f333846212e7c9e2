import { useTranslation } from 'react-i18next';
import { LANGUAGE_CHOICES, THEME_CHOICES, useWorkstationPreferences, type LanguageChoice, type ThemeChoice } from './preferences';
import './workstation.css';

/** Display and language for this workstation: a small menu in the header; open on the sign-in and lock screens. */
export function WorkstationSettings({ folded = false }: { folded?: boolean }) {
  const { t } = useTranslation();
  const { theme, language, setTheme, setLanguage } = useWorkstationPreferences();
  const choices = (
    <div className="workstation-settings" data-testid="workstation-settings">
      <label>
        <span>{t('workstation.theme')}</span>
        <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)} data-testid="theme-choice">
          {THEME_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`workstation.themeChoice.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('workstation.language')}</span>
        <select value={language} onChange={(e) => setLanguage(e.target.value as LanguageChoice)} data-testid="language-choice">
          {LANGUAGE_CHOICES.map((choice) => (
            <option key={choice} value={choice} lang={choice === 'system' ? undefined : choice}>
              {t(`workstation.languageChoice.${choice}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
  if (!folded) return choices;
  return (
    <details className="workstation-menu">
      <summary data-testid="workstation-menu">{t('workstation.menu')}</summary>
      {choices}
    </details>
  );
}
