import type { TFunction } from 'i18next';
import type { AlertParameter, AlertRule, Comparison, Confirmation } from '../../../shared/clinical/alert-rules';
import { displayUnit } from '../../../shared/clinical/parameters';
import { formatNumber } from '../../format/number';
import { isVitalParameter, parameterLabel, parameterShort } from '../../format/parameters';

/** A number as the reader writes it; a blank or unreadable draft value shows as a dash, never "NaN". */
export function ruleNumber(value: number, language: string): string {
  return Number.isFinite(value) ? formatNumber(value, language) : '–';
}

/** "Systolic BP", or "NEWS2 aggregate" for the figures main derives from a reading. */
export function ruleParameterLabel(t: TFunction, parameter: AlertParameter): string {
  return isVitalParameter(parameter) ? parameterLabel(t, parameter) : t(`rules.parameter.${parameter}.label`);
}

export function ruleParameterShort(t: TFunction, parameter: AlertParameter): string {
  return isVitalParameter(parameter) ? parameterShort(t, parameter) : t(`rules.parameter.${parameter}.short`);
}

/** The unit a rule's limits and hysteresis are in: the parameter's own, or points for a score. */
export function ruleUnit(t: TFunction, parameter: AlertParameter): string {
  const unit = isVitalParameter(parameter) ? displayUnit(parameter) : '';
  return unit === '' ? t('rules.unit.points') : unit;
}

/** "above 180 mmHg", "a rise of 40 mmHg or more from baseline": the condition with its limit(s) and unit. */
export function comparisonText(t: TFunction, language: string, parameter: AlertParameter, comparison: Comparison): string {
  const unit = ruleUnit(t, parameter);
  const n = (value: number) => ruleNumber(value, language);
  switch (comparison.kind) {
    case 'outside':
      return t('rules.comparison.outside', { low: n(comparison.low), high: n(comparison.high), unit });
    case 'riseFromBaseline':
      return t('rules.comparison.riseFromBaseline', { delta: n(comparison.delta), unit });
    default:
      return t(`rules.comparison.${comparison.kind}`, { limit: n(comparison.limit), unit });
  }
}

/** "at once", "2 consecutive readings", "held for 30 s". */
export function confirmationText(t: TFunction, language: string, confirmation: Confirmation): string {
  switch (confirmation.kind) {
    case 'none':
      return t('rules.confirmation.none');
    case 'consecutiveReadings':
      return t('rules.confirmation.consecutiveReadings', { count: confirmation.count, n: ruleNumber(confirmation.count, language) });
    case 'delaySeconds':
      return t('rules.confirmation.delaySeconds', { seconds: ruleNumber(confirmation.seconds, language) });
  }
}

export function hysteresisText(t: TFunction, language: string, rule: AlertRule): string {
  return t('rules.valueUnit', { value: ruleNumber(rule.hysteresis, language), unit: ruleUnit(t, rule.parameter) });
}

/** A condition group's name: the defaults' groups have one in the catalogue; a clinic's own group shows its id. */
export function groupLabel(t: TFunction, group: string): string {
  return t(`rules.group.${group}`, { defaultValue: group });
}

/** "SBP above 170 mmHg", the one-line form used in lists and the diff. */
/** A rule's name on screen ("HR above 120 /min"): never its internal id. */
export function ruleName(t: TFunction, language: string, rule: AlertRule): string {
  return `${ruleParameterShort(t, rule.parameter)} ${comparisonText(t, language, rule.parameter, rule.comparison)}`;
}

export function ruleLine(t: TFunction, language: string, rule: AlertRule): string {
  return t('rules.line', { parameter: ruleParameterLabel(t, rule.parameter), condition: comparisonText(t, language, rule.parameter, rule.comparison) });
}
