import type { TFunction } from 'i18next';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';

/** The listener form's fields, as main names them in an error (`settings.port`, `settings.allowedAddresses.2`, `reason`). */
export type ListenerField = 'port' | 'bindAddress' | 'allowedAddresses' | 'reason';

/** Which field an error from main is about, or null when it is not any one field's. */
export function listenerField(error: AppError): ListenerField | null {
  const path = (error.field ?? '').split('.');
  const name = path[0] === 'settings' ? path[1] : path[0];
  return name === 'port' || name === 'bindAddress' || name === 'allowedAddresses' || name === 'reason' ? name : null;
}

/** The message to show under a field: our own words for an invalid value, main's words otherwise. */
export function listenerErrorText(t: TFunction, error: AppError, field: ListenerField | null): string {
  if (error.code === 'invalid_request' && field) return t(`monitors.error.${field}`);
  return errorText(t, error);
}
