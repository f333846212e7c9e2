import type { TFunction } from 'i18next';
import type { AppError, ErrorCode } from '../../shared/result';
import { isVitalParameter, parameterLabel } from './parameters';

const FAULT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['storage_full', 'storage_read_only', 'storage_io', 'storage_busy', 'storage_damaged', 'internal']);

/** The name of the input an error is about, for messages like "Heart rate 400 is outside…". */
function fieldName(t: TFunction, field: string | undefined): string {
  if (!field) return '';
  if (isVitalParameter(field)) return parameterLabel(t, field);
  const key = `patients.${field}`;
  const text = t(key);
  return text === key ? '' : text;
}

/**
 * An error value from main, in the user's language: a field's own message where we have
 * one, the numbers main sent (limit, unit) otherwise.
 */
export function errorText(t: TFunction, error: AppError): string {
  const field = error.field?.split('.').at(-1);
  // A fault that is not the user's: what still works and what to do, different for a failed write and a failed read.
  if (FAULT_CODES.has(error.code)) return t(`faults.${error.code}.${error.params?.act === 'read' ? 'read' : 'write'}`);
  if (error.code === 'bad_credentials' && error.params?.minutes !== undefined) {
    return t('errors.locked', { minutes: error.params.minutes });
  }
  if (error.reason) {
    const key = `errors.reason.${error.reason}`;
    const unmet = typeof error.params?.unmet === 'string' ? error.params.unmet.split(',').map((item) => t(`blockers.${item}`)).join('; ') : undefined;
    const text = t(key, { ...error.params, ...(unmet === undefined ? {} : { unmet }) });
    if (text !== key) return text;
  }
  if (error.code === 'invalid_request' && field && isVitalParameter(field)) {
    return t('errors.notANumber', { what: parameterLabel(t, field) });
  }
  if (error.code === 'invalid_request' && field) {
    const key = `errors.field.${field}`;
    const text = t(key);
    if (text !== key && !error.params) return text;
  }
  return t(`errors.${error.code}`, { ...error.params, message: error.message, what: fieldName(t, field) }).trim();
}

/** Main's error for one field of a refused request: the error itself, or one of the other refused fields it lists (`also`). */
export function fieldErrorOf(error: AppError | null, field: string): AppError | null {
  if (!error) return null;
  if (error.field === field) return error;
  return error.also?.find((other) => other.field === field) ?? null;
}
