import type { TFunction } from 'i18next';
import type { AlarmSettings } from '../../../shared/clinical/alarm-settings';
import { formatNumber } from '../../format/number';

export const SETTING_FIELDS = ['latchingAlerts', 'audioPauseSeconds', 'escalateHighAfterSeconds'] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];

/** A setting's value as read: On/Off, or seconds with the minutes beside them. */
export function settingText(t: TFunction, language: string, field: SettingField, settings: AlarmSettings): string {
  if (field === 'latchingAlerts') return settings.latchingAlerts ? t('rules.settings.on') : t('rules.settings.off');
  const seconds = settings[field];
  if (!Number.isFinite(seconds)) return '–';
  return t('rules.settings.seconds', { seconds: formatNumber(seconds, language), minutes: formatNumber(seconds / 60, language, 1) });
}

/** What latching does, in one line, for the state it is in. */
export function latchingText(t: TFunction, latching: boolean): string {
  return latching ? t('rules.settings.latchingOn') : t('rules.settings.latchingOff');
}
