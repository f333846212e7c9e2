import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';

/**
 * The end of a form: main's refusal when it names no field the form shows, then Save and
 * Cancel. A refusal tied to a field is shown at that field instead.
 */
export function FormFooter({ error, showError, submitLabel, cancelLabel, busy, onCancel }: {
  error: AppError | null;
  /** False when the form already shows this error at its field. */
  showError: boolean;
  submitLabel: string;
  cancelLabel: string;
  busy: boolean;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && showError && (
        <p className="field-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </>
  );
}
