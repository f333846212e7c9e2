import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CADSS6_ITEM_NUMBERS, CADSS_ITEM_MAX_SCORE, scoreCadss6, type Cadss6Items } from '../../shared/clinical/cadss';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { call } from '../transport/client';

type Draft = Record<string, string>;

/** The six CADSS items, 0-4 each, typed as six digits; Enter saves the assessment. */
export function CadssForm({ sessionId, onDone }: { sessionId: number; onDone(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({});
  const [error, setError] = useState<AppError | null>(null);
  const complete = CADSS6_ITEM_NUMBERS.every((n) => /^[0-4]$/.test(draft[String(n)] ?? ''));
  // Keyed by the six item numbers; main's schema refuses a missing or out-of-range item and names it.
  const items = Object.fromEntries(CADSS6_ITEM_NUMBERS.map((n) => [String(n), Number(draft[String(n)])])) as Cadss6Items;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call('event/add', { sessionId, event: { kind: 'cadss6', items } });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDraft({});
    onDone();
  }

  return (
    <form className="card cadss-form" onSubmit={submit} aria-label={t('cadss.title')} data-testid="cadss-form">
      <h2>{t('cadss.title')}</h2>
      <p className="muted">{t('cadss.anchors')}</p>
      <div className="reading-fields">
        {CADSS6_ITEM_NUMBERS.map((n, index) => (
          <label key={n} className="reading-field">
            <span>{t('cadss.item', { n })}</span>
            <input
              name={`cadss${n}`}
              inputMode="numeric"
              maxLength={1}
              aria-label={t('cadss.itemLabel', { n, max: CADSS_ITEM_MAX_SCORE })}
              value={draft[String(n)] ?? ''}
              autoFocus={index === 0}
              onChange={(e) => setDraft({ ...draft, [String(n)]: e.target.value.trim() })}
            />
          </label>
        ))}
        <span className="cadss-total" data-testid="cadss-total">
          {t('cadss.total', { total: complete ? scoreCadss6(items) : '–' })}
        </span>
        <button type="submit" className="primary">
          {t('cadss.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('session.cancel')}
        </button>
      </div>
      {error && <p className="field-error">{errorText(t, error)}</p>}
    </form>
  );
}
