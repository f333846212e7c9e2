import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { useSessionAction } from '../hooks/use-session-action';
import { formatFigure, parseDecimal } from './format';

/**
 * A physician orders a different dose per kg. Main judges it: outside the soft limits it
 * answers `override_required` and the reason field appears for the same value; outside
 * the hard limits it refuses and the current order stays as it was.
 */
export function DoseOrderForm({ sessionId, unit, example }: { sessionId: number; unit: string; example: string }) {
  const { t, i18n } = useTranslation();
  const { run, error, busy, clearError } = useSessionAction();
  const [dose, setDose] = useState('');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // The reason belongs to the value main judged; editing the value asks main again.
  const needsReason = error?.code === 'override_required';
  const message = localError ?? (error ? errorText(t, error) : null);

  function changeDose(text: string) {
    setDose(text);
    setReason('');
    setLocalError(null);
    setSaved(null);
    clearError();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const dosePerKg = parseDecimal(dose);
    if (dosePerKg === null || dosePerKg <= 0) {
      setLocalError(t('dose.form.enterDose', { unit, example }));
      return;
    }
    if (needsReason && reason.trim().length < 3) {
      setLocalError(t('dose.form.enterReason'));
      return;
    }
    setLocalError(null);
    const ok = await run('dose/order', { sessionId, dosePerKg, ...(needsReason ? { overrideReason: reason.trim() } : {}) });
    if (ok) {
      setSaved(t('dose.form.saved', { dose: formatFigure(dosePerKg, i18n.language), unit }));
      setDose('');
      setReason('');
    }
  }

  return (
    <form className="dose-form" onSubmit={submit} aria-label={t('dose.form.title')} data-testid="dose-form">
      <h3>{t('dose.form.title')}</h3>
      <div className="phase-inline">
        <label>
          {t('dose.form.dose', { unit })}
          <input
            name="dosePerKg"
            inputMode="decimal"
            className="dose-input"
            value={dose}
            onChange={(e) => changeDose(e.target.value)}
            aria-invalid={message && !needsReason ? true : undefined}
            aria-describedby={message ? 'dose-form-error' : undefined}
          />
        </label>
        {needsReason && (
          <label className="phase-grow">
            {t('dose.form.reason')}
            <input name="overrideReason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} autoFocus aria-describedby="dose-form-error" />
          </label>
        )}
        <button type="submit" className={needsReason ? 'primary' : undefined} disabled={busy}>
          {needsReason ? t('dose.form.submitOverride') : t('dose.form.submit')}
        </button>
        {needsReason && (
          <button type="button" onClick={() => changeDose('')}>
            {t('dose.form.cancelOverride')}
          </button>
        )}
      </div>
      {message ? (
        <p className={needsReason ? 'phase-warning phase-warning-medium' : 'field-error'} id="dose-form-error" role="alert" data-testid="dose-form-message">
          <span className="phase-warning-symbol" aria-hidden="true">
            {needsReason ? '!!' : '✕'}
          </span>{' '}
          {message}
        </p>
      ) : (
        saved && (
          <p className="ok" role="status">
            ✓ {saved}
          </p>
        )
      )}
    </form>
  );
}
