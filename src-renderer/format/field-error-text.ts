import type { TFunction } from 'i18next';
import type { AppError } from '../../shared/result';
import { errorText } from './error-text';

/**
 * The messages main's schemas give for a field (shared/domain/*), each with its own key in
 * the catalogue, so a refused form reads in the user's language. A message not listed here
 * is shown as main wrote it.
 */
const SCHEMA_MESSAGES: readonly (readonly [pattern: RegExp, key: string])[] = [
  [/is below the soft minimum/, 'fieldError.belowSoftMin'],
  [/is above the soft maximum/, 'fieldError.aboveSoftMax'],
  [/hard minimum must not exceed the soft minimum/, 'fieldError.hardMinAboveSoftMin'],
  [/soft maximum must not exceed the hard maximum/, 'fieldError.softMaxAboveHardMax'],
  [/is whole minutes|expected int/, 'fieldError.wholeMinutes'],
  [/must be above 0/, 'fieldError.positive'],
  [/Too small: expected number to be >=0/, 'fieldError.notNegative'],
  [/Too big: expected number to be <=(\d+)/, 'fieldError.tooBig'],
  [/expected number/, 'fieldError.number'],
  [/Too big: expected string/, 'fieldError.tooLong'],
  [/^Name the /, 'fieldError.required'],
  [/at least one role/, 'fieldError.roles'],
  [/too easy to guess/, 'fieldError.pinTrivial'],
];

/** Main prefixes a schema message with the path it is about ("fields.dosePerKg: …"). */
function withoutPath(error: AppError): string {
  const prefix = error.field ? `${error.field}: ` : '';
  return prefix && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * The text for an error shown next to a form field. `what` names the field and `unit` its
 * unit, for messages such as "Enter a number (mg/kg)".
 */
export function fieldErrorText(t: TFunction, error: AppError, what: string, unit = ''): string {
  if (error.code !== 'invalid_request' || error.reason) return errorText(t, error);
  const message = withoutPath(error);
  for (const [pattern, key] of SCHEMA_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return t(key, { what, unit, max: match[1] ?? '' });
  }
  const core = errorText(t, error);
  return core === error.message ? message : core;
}

/** The last segment of the field main named ("fields.dosePerKg" -> "dosePerKg"). */
export function errorField(error: AppError | null): string | undefined {
  return error?.field?.split('.').at(-1);
}
