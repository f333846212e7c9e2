import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmSettings } from '../../../shared/clinical/alarm-settings';
import type { AlarmSettingsView } from '../../../shared/domain/alert-rules-view';
import type { AppError } from '../../../shared/result';
import { FieldError } from '../../components/FieldError';
import { call } from '../../transport/client';
import { latchingText, SETTING_FIELDS, settingText } from './alarm-settings-text';
import { ruleErrorText } from './rule-error';

interface Props {
  current: AlarmSettings;
  onSaved(view: AlarmSettingsView): void;
  onCancel(): void;
}

const NUMBER_FIELDS = [
  { field: 'audioPauseSeconds', min: 30, max: 600 },
  { field: 'escalateHighAfterSeconds', min: 30, max: 1800 },
] as const;

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Changes the clinic's alarm settings with a reason; main checks the ranges and names the field it refuses. */
export function AlarmSettingsForm({ current, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [latching, setLatching] = useState(current.latchingAlerts);
  const [numbers, setNumbers] = useState({ audioPauseSeconds: String(current.audioPauseSeconds), escalateHighAfterSeconds: String(current.escalateHighAfterSeconds) });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const next: AlarmSettings = { latchingAlerts: latching, audioPauseSeconds: toNumber(numbers.audioPauseSeconds), escalateHighAfterSeconds: toNumber(numbers.escalateHighAfterSeconds) };
  const changed = SETTING_FIELDS.filter((field) => next[field] !== current[field]);
  const failed = error?.field?.split('.').at(-1) ?? null;
  const errorFor = (field: string, what: string, unit = '') => (error && failed === field ? ruleErrorText(t, error, what, unit) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('settings/update', { settings: next, reason });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const seconds = t('rules.unit.seconds');
  const shownFields = ['latchingAlerts', 'audioPauseSeconds', 'escalateHighAfterSeconds', 'reason'];
  return (
    <form className="alarm-settings-form" onSubmit={submit} noValidate data-testid="alarm-settings-form">
      <div className="form-field">
        <label className="inline-check" htmlFor="setting-latching">
          <input id="setting-latching" type="checkbox" checked={latching} onChange={(event) => setLatching(event.target.checked)} />
          {t('rules.settings.latchingAlerts')}
        </label>
        <p className="alarm-fact-note">{latchingText(t, latching)}</p>
      </div>
      {NUMBER_FIELDS.map(({ field, min, max }) => {
        const label = t(`rules.settings.${field}`);
        const message = errorFor(field, label, seconds);
        return (
          <div key={field} className="form-field">
            <label htmlFor={`setting-${field}`}>{t('rules.settings.secondsLabel', { label, min, max })}</label>
            <span className="rule-input-line">
              <input
                id={`setting-${field}`}
                type="number"
                inputMode="numeric"
                step="1"
                min={min}
                max={max}
                value={numbers[field]}
                aria-invalid={message !== null}
                aria-describedby={message ? `setting-${field}-error` : undefined}
                onChange={(event) => setNumbers({ ...numbers, [field]: event.target.value })}
              />
              <span className="unit" aria-hidden="true">
                {seconds}
              </span>
            </span>
            <FieldError id={`setting-${field}-error`} text={message} />
          </div>
        );
      })}
      <div className="form-field">
        <label htmlFor="settings-reason">{t('rules.review.reason')}</label>
        <input
          id="settings-reason"
          value={reason}
          maxLength={500}
          aria-invalid={failed === 'reason'}
          aria-describedby={failed === 'reason' ? 'settings-reason-error' : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldError id="settings-reason-error" text={errorFor('reason', t('rules.field.reason'))} />
      </div>
      {changed.length > 0 && (
        <ul className="rule-change-fields" data-testid="settings-diff">
          {changed.map((field) => (
            <li key={field}>
              <span className="rule-change-field">{t(`rules.settings.${field}`)}</span> <del>{settingText(t, i18n.language, field, current)}</del>{' '}
              <span aria-hidden="true">→</span> <ins>{settingText(t, i18n.language, field, next)}</ins>
            </li>
          ))}
        </ul>
      )}
      {error && !shownFields.includes(failed ?? '') && (
        <p className="field-error" role="alert">
          {ruleErrorText(t, error, '')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || changed.length === 0}>
          {t('rules.settings.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('rules.review.cancel')}
        </button>
      </div>
    </form>
  );
}
