import { useWorkstationPreferences, type ThemeChoice } from './preferences';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolvedTheme(choice: ThemeChoice, osPrefersDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return osPrefersDark ? 'dark' : 'light';
  return choice;
}

function apply(): void {
  document.documentElement.dataset.theme = resolvedTheme(useWorkstationPreferences.getState().theme, darkQuery().matches);
}

/** Keeps `<html data-theme>` on the workstation's choice, or on the OS setting as it changes. */
export function startThemeSync(): void {
  apply();
  darkQuery().addEventListener('change', apply);
  useWorkstationPreferences.subscribe(apply);
}
