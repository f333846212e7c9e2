import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Result } from '../../../shared/result';
import type { User } from '../../../shared/domain/user';
import { FieldError } from '../../components/FieldError';
import { errorText } from '../../format/error-text';
import { fieldErrorText } from '../../format/field-error-text';
import { useAppStore } from '../../store/app-store';

/**
 * A form that sets a new PIN (first-run setup, or choosing one's own after a one-time code):
 * the two entries must match before anything is sent, and a successful answer signs the
 * user in.
 */
export function useNewPinForm(send: (pin: string) => Promise<Result<User>>) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [pinRepeat, setPinRepeat] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pin !== pinRepeat) {
      setError({ code: 'invalid_request', message: t('setup.pinMismatch'), field: 'pinRepeat' });
      return;
    }
    setBusy(true);
    const result = await send(pin);
    setBusy(false);
    if (result.ok) useAppStore.getState().setAuth({ kind: 'signedIn', user: result.value });
    else setError(result.error);
  }

  return { pin, setPin, pinRepeat, setPinRepeat, error, busy, submit };
}

type NewPinForm = ReturnType<typeof useNewPinForm>;

/** The PIN and repeat fields with their errors, and the form-level error. */
export function NewPinFields({ form, idPrefix, pinLabel, repeatLabel, hint, autoFocus = false }: { form: NewPinForm; idPrefix: string; pinLabel: string; repeatLabel: string; hint?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { error } = form;
  const fieldError = (field: 'pin' | 'pinRepeat') => (error?.field === field ? (field === 'pinRepeat' ? error.message : fieldErrorText(t, error, pinLabel)) : null);
  const hintId = `${idPrefix}-pin-hint`;
  return (
    <>
      <label>
        {pinLabel}
        <input
          type="password"
          inputMode="numeric"
          value={form.pin}
          onChange={(e) => form.setPin(e.target.value)}
          autoComplete="new-password"
          autoFocus={autoFocus}
          required
          aria-invalid={error?.field === 'pin'}
          aria-describedby={hint ? hintId : undefined}
        />
      </label>
      {hint && (
        <p id={hintId} className="muted">
          {hint}
        </p>
      )}
      <FieldError id={`${idPrefix}-pin-error`} text={fieldError('pin')} />
      <label>
        {repeatLabel}
        <input type="password" inputMode="numeric" value={form.pinRepeat} onChange={(e) => form.setPinRepeat(e.target.value)} autoComplete="new-password" required />
      </label>
      <FieldError id={`${idPrefix}-pinRepeat-error`} text={fieldError('pinRepeat')} />
      {error && !error.field && (
        <p className="field-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
    </>
  );
}
