import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRAINDICATIONS, type CoMedicationClass, type Contraindication } from '../../shared/clinical/screening-checklist';
import type { ContraindicationAnswers, Screening } from '../../shared/domain/screening';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { formatClockTime } from '../format/time';
import { useSessionAction } from '../hooks/use-session-action';
import { CoMedicationRows, type CoMedicationDraft } from './CoMedicationRows';
import { YesNoItem } from './YesNoItem';

type Answers = Partial<Record<Contraindication, boolean>>;
type Problem = { kind: 'unanswered'; items: Contraindication[] } | { kind: 'medication'; index: number };

function isComplete(answers: Answers): answers is ContraindicationAnswers {
  return CONTRAINDICATIONS.every((id) => answers[id] !== undefined);
}

/**
 * The pre-infusion screen. Starts from the latest saved version (each answer was given
 * explicitly then) or from nothing; every contraindication needs its own Yes or No.
 */
export function ScreeningChecklist({ sessionId, saved }: { sessionId: number; saved: Screening | null }) {
  const { t } = useTranslation();
  const { run, error, busy } = useSessionAction();
  const [answers, setAnswers] = useState<Answers>(() => (saved ? { ...saved.contraindications } : {}));
  const [rows, setRows] = useState<CoMedicationDraft[]>(() => (saved ? saved.coMedications.map((medication, key) => ({ key, ...medication })) : []));
  const [nextKey, setNextKey] = useState(() => saved?.coMedications.length ?? 0);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const [consentGiven, setConsentGiven] = useState(saved?.consentGiven ?? false);
  const [escortArranged, setEscortArranged] = useState(saved?.escortArranged ?? false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const missing = problem?.kind === 'unanswered' ? CONTRAINDICATIONS.filter((id) => answers[id] === undefined) : [];

  function edited() {
    setJustSaved(false);
  }

  function focusFirst(selector: string) {
    form.current?.querySelector<HTMLElement>(selector)?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!isComplete(answers)) {
      const items = CONTRAINDICATIONS.filter((id) => answers[id] === undefined);
      setProblem({ kind: 'unanswered', items });
      focusFirst(`input[name="contra-${items[0]}"]`);
      return;
    }
    const incomplete = rows.findIndex((row) => row.name.trim() === '' || row.medicationClass === '');
    if (incomplete !== -1) {
      setProblem({ kind: 'medication', index: incomplete });
      focusFirst(`[name="coMedicationName${incomplete}"]`);
      return;
    }
    setProblem(null);
    const coMedications = rows.map((row) => ({ name: row.name.trim(), medicationClass: row.medicationClass as CoMedicationClass }));
    const ok = await run('screening/record', { sessionId, contraindications: answers, coMedications, consentGiven, escortArranged });
    setJustSaved(ok);
  }

  // Enter saves from anywhere in the form, radios and checkboxes included (browsers differ there).
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  }

  const problemText =
    problem?.kind === 'unanswered' && missing.length > 0
      ? t('screening.unanswered', { count: missing.length, items: missing.map((id) => t(`screening.contraindication.${id}`)).join(', ') })
      : problem?.kind === 'medication'
        ? t('screening.medicationIncomplete', { n: problem.index + 1 })
        : null;

  return (
    <form ref={form} className="screening-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('screening.title')} data-testid="screening-form" noValidate>
      <h3>{t('screening.title')}</h3>
      <p className="muted phase-meta" data-testid="screening-saved-by">
        {saved ? t('screening.savedBy', { name: saved.userName, time: formatClockTime(saved.at) }) : t('screening.notSaved')}
      </p>
      <fieldset className="contraindications">
        <legend>{t('screening.contraindicationsTitle')}</legend>
        {CONTRAINDICATIONS.map((id) => (
          <YesNoItem
            key={id}
            name={`contra-${id}`}
            label={t(`screening.contraindication.${id}`)}
            value={answers[id]}
            missing={missing.includes(id)}
            testId={`contraindication-${id}`}
            onChange={(value) => {
              setAnswers({ ...answers, [id]: value });
              edited();
            }}
          />
        ))}
      </fieldset>
      <CoMedicationRows
        rows={rows}
        focusKey={focusKey}
        invalidIndex={problem?.kind === 'medication' ? problem.index : null}
        onChange={(next) => {
          setRows(next);
          edited();
        }}
        onAdd={() => {
          setRows([...rows, { key: nextKey, name: '', medicationClass: '' }]);
          setFocusKey(nextKey);
          setNextKey(nextKey + 1);
          edited();
        }}
      />
      <div className="phase-checks">
        <label className="choice">
          <input
            type="checkbox"
            name="consentGiven"
            checked={consentGiven}
            onChange={(e) => {
              setConsentGiven(e.target.checked);
              edited();
            }}
          />
          {t('screening.consent')}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            name="escortArranged"
            checked={escortArranged}
            onChange={(e) => {
              setEscortArranged(e.target.checked);
              edited();
            }}
          />
          {t('screening.escort')}
        </label>
      </div>
      <FieldError id="screening-error" text={problemText ?? (error ? errorText(t, error) : null)} />
      <div className="phase-inline">
        <button type="submit" className="primary" disabled={busy}>
          {t('screening.save')}
        </button>
        {justSaved && saved && (
          <span className="ok" role="status" data-testid="screening-status">
            ✓ {t('screening.saved', { time: formatClockTime(saved.at) })}
          </span>
        )}
      </div>
    </form>
  );
}
