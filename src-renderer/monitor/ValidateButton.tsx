import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { call } from '../transport/client';

/** Validates one monitor value or a range of them in one call; main records who and when. */
export function ValidateButton({ readingIds, label, shortcut }: { readingIds: readonly number[]; label: string; shortcut?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  if (readingIds.length === 0) return null;
  return (
    <>
      <button
        type="button"
        className="validate-button"
        data-testid="validate-button"
        disabled={busy}
        aria-keyshortcuts={shortcut}
        onClick={async () => {
          setBusy(true);
          const result = await call('reading/validate', { readingIds: [...readingIds] });
          setBusy(false);
          setError(result.ok ? null : result.error);
        }}
      >
        {label}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {errorText(t, error)}
        </span>
      )}
    </>
  );
}
