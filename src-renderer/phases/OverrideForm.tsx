import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverrideKind } from '../../shared/domain/screening';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { useSessionAction } from '../hooks/use-session-action';

/** A physician's documented override of one safety gate: a reason, then `override/add`. */
export function OverrideForm({ sessionId, kind, title }: { sessionId: number; kind: OverrideKind; title: string }) {
  const { t } = useTranslation();
  const { run, error, busy } = useSessionAction();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const errorId = `override-${kind}-error`;
  const message = localError ?? (error ? errorText(t, error) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // Main's own minimum, checked here too so the message is in the reader's language.
    if (reason.trim().length < 3) {
      setLocalError(t('override.enterReason'));
      return;
    }
    setLocalError(null);
    if (await run('override/add', { sessionId, kind, reason: reason.trim() })) setReason('');
  }

  return (
    <form className="override-form" onSubmit={submit} aria-label={title} data-testid={`override-form-${kind}`}>
      <h3>{title}</h3>
      <div className="phase-inline">
        <label className="phase-grow">
          {t('override.reason')}
          <input name="reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} aria-invalid={message ? true : undefined} aria-describedby={message ? errorId : undefined} />
        </label>
        <button type="submit" disabled={busy}>
          {t('override.submit')}
        </button>
      </div>
      <FieldError id={errorId} text={message} />
    </form>
  );
}
