import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PHQ9_ITEM_IDS, PHQ9_MAX_TOTAL, scorePhq9, type Phq9Answers, type Phq9ItemId } from '../../shared/clinical/phq9';
import type { Phq9Record } from '../../shared/domain/phq9';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { formatClockTime } from '../format/time';
import { useSessionAction } from '../hooks/use-session-action';
import './course.css';

const SCORES = [0, 1, 2, 3] as const;
type Draft = Partial<Record<Phq9ItemId, number>>;

const isComplete = (draft: Draft): draft is Phq9Answers => PHQ9_ITEM_IDS.every((id) => draft[id] !== undefined);

/** The PHQ-9 before the infusion: nine items 0-3, the total and band as main will score them, item 9 flagged. */
export function Phq9Form({ sessionId, saved }: { sessionId: number; saved: Phq9Record | null }) {
  const { t } = useTranslation();
  const { run, error, busy } = useSessionAction();
  const [draft, setDraft] = useState<Draft>(saved?.answers ?? {});
  const [showMissing, setShowMissing] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const unanswered = PHQ9_ITEM_IDS.filter((id) => draft[id] === undefined);
  const score = isComplete(draft) ? scorePhq9(draft) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!isComplete(draft)) {
      setShowMissing(true);
      form.current?.querySelector<HTMLInputElement>(`input[name="phq9-${unanswered[0]}"]`)?.focus();
      return;
    }
    setShowMissing(false);
    await run('phq9/record', { sessionId, answers: draft });
  }

  const missingText = showMissing && unanswered.length > 0 ? t('course.phq9.unanswered', { items: unanswered.map((id) => t(`course.phq9.item.${id}`)).join(', ') }) : null;

  return (
    <form ref={form} className="phq9-form" onSubmit={submit} aria-labelledby="phq9-title" data-testid="phq9-form" noValidate>
      <h3 id="phq9-title">{t('course.phq9.title')}</h3>
      <p className="muted phase-meta">{t('course.phq9.intro')}</p>
      <table className="phq9-table">
        <thead>
          <tr>
            <th scope="col">{t('course.phq9.itemColumn')}</th>
            {SCORES.map((score) => (
              <th key={score} scope="col" className="phq9-anchor">
                {score} <span className="muted">{t(`course.phq9.anchor.${score}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PHQ9_ITEM_IDS.map((id, index) => {
            const missing = showMissing && draft[id] === undefined;
            return (
              <tr key={id} role="radiogroup" aria-labelledby={`phq9-${id}-label`} aria-invalid={missing ? true : undefined} data-testid={`phq9-${id}`} className={missing ? 'phq9-missing' : undefined}>
                <th scope="row" id={`phq9-${id}-label`}>
                  {index + 1}. {t(`course.phq9.item.${id}`)}
                </th>
                {SCORES.map((value) => (
                  <td key={value}>
                    <input
                      type="radio"
                      name={`phq9-${id}`}
                      value={value}
                      aria-label={`${t(`course.phq9.item.${id}`)}: ${value} ${t(`course.phq9.anchor.${value}`)}`}
                      checked={draft[id] === value}
                      onChange={() => setDraft({ ...draft, [id]: value })}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="phq9-total" data-testid="phq9-total" aria-live="polite">
        {score
          ? t('course.phq9.total', { total: score.total, max: PHQ9_MAX_TOTAL, band: t(`course.phq9.band.${score.band}`) })
          : t('course.phq9.totalIncomplete', { count: unanswered.length })}
      </p>
      {score?.selfHarmFlag && (
        <p className="phq9-flag" role="alert" data-testid="phq9-flag">
          {t('course.phq9.selfHarmFlag')}
        </p>
      )}
      <FieldError id="phq9-error" text={missingText ?? (error ? errorText(t, error) : null)} />
      <div className="phase-inline">
        <button type="submit" className="primary" disabled={busy}>
          {t('course.phq9.save')}
        </button>
        {saved && (
          <span className="ok" data-testid="phq9-saved">
            ✓ {t('course.phq9.saved', { total: saved.total, name: saved.userName, time: formatClockTime(saved.at) })}
          </span>
        )}
      </div>
    </form>
  );
}
