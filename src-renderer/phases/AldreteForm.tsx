import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ALDRETE_ITEMS, ALDRETE_ITEM_IDS, DEFAULT_DISCHARGE_CRITERIA, scoreAldrete, type AldreteItemId, type AldreteScore } from '../../shared/clinical/aldrete';
import type { DischargeAssessment } from '../../shared/domain/discharge';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { formatClockTime } from '../format/time';
import { useSessionAction } from '../hooks/use-session-action';

type Scores = Partial<Record<AldreteItemId, number>>;
/** Best first, as on the paper form. */
const SCORES = [2, 1, 0] as const;

function isComplete(scores: Scores): scores is AldreteScore {
  return ALDRETE_ITEM_IDS.every((id) => scores[id] !== undefined);
}

/**
 * A fresh modified Aldrete assessment each time the panel opens (items start unscored, so an
 * earlier score is never carried over by accident); after saving, the form keeps what was just
 * saved, so it reads the same as "Latest". The escort starts as arranged at screening (asked
 * once), the instruction as last recorded.
 */
export function AldreteForm({ sessionId, latest, escortArranged }: { sessionId: number; latest: DischargeAssessment | null; escortArranged: boolean }) {
  const { t } = useTranslation();
  const { run, error, busy } = useSessionAction();
  const [scores, setScores] = useState<Scores>({});
  const [escortPresent, setEscortPresent] = useState(latest?.escortPresent ?? escortArranged);
  const [noDriving, setNoDriving] = useState(latest?.noDrivingInstructionGiven ?? false);
  const [showMissing, setShowMissing] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const unscored = ALDRETE_ITEM_IDS.filter((id) => scores[id] === undefined);
  // The sum is only shown for the whole score: a partial total could read as a low score.
  const total = isComplete(scores) ? scoreAldrete(scores, DEFAULT_DISCHARGE_CRITERIA).total : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!isComplete(scores)) {
      setShowMissing(true);
      form.current?.querySelector<HTMLInputElement>(`input[name="aldrete-${unscored[0]}"]`)?.focus();
      return;
    }
    setShowMissing(false);
    const ok = await run('discharge/assess', { sessionId, aldrete: scores, escortPresent, noDrivingInstructionGiven: noDriving });
    setJustSaved(ok);
    if (ok) form.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  const missingText =
    showMissing && unscored.length > 0 ? t('discharge.unscored', { count: unscored.length, items: unscored.map((id) => t(`aldrete.${id}.title`)).join(', ') }) : null;

  return (
    <form ref={form} className="aldrete-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('discharge.assessmentTitle')} data-testid="aldrete-form" noValidate>
      <h3>{t('aldrete.title')}</h3>
      {ALDRETE_ITEMS.map(({ id }) => {
        const missing = showMissing && scores[id] === undefined;
        return (
          <div key={id} role="radiogroup" aria-labelledby={`aldrete-${id}-label`} aria-invalid={missing ? true : undefined} className="aldrete-item" data-testid={`aldrete-${id}`}>
            <span id={`aldrete-${id}-label`} className="aldrete-item-title">
              {t(`aldrete.${id}.title`)}
              {missing && <span className="yes-no-missing"> — {t('screening.notAnswered')}</span>}
            </span>
            {SCORES.map((score) => (
              <label key={score} className="choice aldrete-choice">
                <input
                  type="radio"
                  name={`aldrete-${id}`}
                  value={score}
                  checked={scores[id] === score}
                  onChange={() => {
                    setScores({ ...scores, [id]: score });
                    setJustSaved(false);
                  }}
                />
                <span className="aldrete-score">{score}</span>
                <span>{t(`aldrete.${id}.${score}`)}</span>
              </label>
            ))}
          </div>
        );
      })}
      <p className={total === null ? 'aldrete-total aldrete-total-incomplete' : 'aldrete-total'} data-testid="aldrete-total" aria-live="polite">
        {total === null ? t('discharge.totalIncomplete', { count: unscored.length }) : t('discharge.total', { total })}
      </p>
      <div className="phase-checks">
        <label className="choice">
          <input type="checkbox" name="escortPresent" checked={escortPresent} onChange={(e) => setEscortPresent(e.target.checked)} />
          {t('discharge.escortPresent')}
        </label>
        <label className="choice">
          <input type="checkbox" name="noDrivingInstructionGiven" checked={noDriving} onChange={(e) => setNoDriving(e.target.checked)} />
          {t('discharge.noDriving')}
        </label>
      </div>
      <FieldError id="aldrete-error" text={missingText ?? (error ? errorText(t, error) : null)} />
      <div className="phase-inline">
        <button type="submit" className="primary" disabled={busy}>
          {t('discharge.save')}
        </button>
        {justSaved && latest && (
          <span className="ok" role="status" data-testid="aldrete-status">
            ✓ {t('discharge.saved', { time: formatClockTime(latest.at) })}
          </span>
        )}
      </div>
    </form>
  );
}
