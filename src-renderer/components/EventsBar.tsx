import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDICATION_ROUTES, MEDICATION_UNITS, SIDE_EFFECTS } from '../../shared/clinical/session-event-kinds';
import type { SessionEventPayload } from '../../shared/domain/session-event';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { formatClockTime } from '../format/time';
import { call } from '../transport/client';

type Open = 'none' | 'medication' | 'note';

/** One click per side effect; a short form for a medication given or a note. */
export function EventsBar({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>('none');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [medication, setMedication] = useState({ name: '', dose: '', unit: 'mg', route: 'IV' });
  const [note, setNote] = useState('');

  async function add(event: SessionEventPayload, label: string): Promise<boolean> {
    const result = await call('event/add', { sessionId, event });
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    setSaved(t('events.saved', { what: label, time: formatClockTime(result.value.recordedAt) }));
    return true;
  }

  async function submitMedication(e: FormEvent) {
    e.preventDefault();
    const ok = await add(
      {
        kind: 'medication',
        name: medication.name,
        dose: medication.dose.trim() === '' ? Number.NaN : Number(medication.dose),
        unit: medication.unit as (typeof MEDICATION_UNITS)[number],
        route: medication.route as (typeof MEDICATION_ROUTES)[number],
      },
      medication.name,
    );
    if (ok) {
      setMedication({ name: '', dose: '', unit: 'mg', route: 'IV' });
      setOpen('none');
    }
  }

  async function submitNote(e: FormEvent) {
    e.preventDefault();
    if (await add({ kind: 'note', text: note }, t('events.note'))) {
      setNote('');
      setOpen('none');
    }
  }

  return (
    <section className="card events-bar" aria-label={t('events.title')} data-testid="events-bar">
      <h2>{t('events.title')}</h2>
      <div className="chip-row">
        {SIDE_EFFECTS.map((effect) => (
          <button key={effect} type="button" className="chip" onClick={() => void add({ kind: 'sideEffect', effect }, t(`events.sideEffect.${effect}`))}>
            {t(`events.sideEffect.${effect}`)}
          </button>
        ))}
        <button type="button" className="chip" aria-expanded={open === 'medication'} onClick={() => setOpen(open === 'medication' ? 'none' : 'medication')}>
          {t('events.medication')}…
        </button>
        <button type="button" className="chip" aria-expanded={open === 'note'} onClick={() => setOpen(open === 'note' ? 'none' : 'note')}>
          {t('events.note')}…
        </button>
      </div>
      {open === 'medication' && (
        <form className="inline-form" onSubmit={submitMedication} aria-label={t('events.medication')}>
          <label>
            {t('events.medicationName')}
            <input value={medication.name} onChange={(e) => setMedication({ ...medication, name: e.target.value })} autoFocus />
          </label>
          <label>
            {t('events.dose')}
            <input inputMode="decimal" value={medication.dose} onChange={(e) => setMedication({ ...medication, dose: e.target.value })} />
          </label>
          <label>
            {t('events.unit')}
            <select value={medication.unit} onChange={(e) => setMedication({ ...medication, unit: e.target.value })}>
              {MEDICATION_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('events.route')}
            <select value={medication.route} onChange={(e) => setMedication({ ...medication, route: e.target.value })}>
              {MEDICATION_ROUTES.map((route) => (
                <option key={route} value={route}>
                  {t(`events.routes.${route}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t('events.add')}
          </button>
        </form>
      )}
      {open === 'note' && (
        <form className="inline-form" onSubmit={submitNote} aria-label={t('events.note')}>
          <label className="grow">
            {t('events.noteText')}
            <input value={note} onChange={(e) => setNote(e.target.value)} autoFocus maxLength={2000} />
          </label>
          <button type="submit" className="primary">
            {t('events.add')}
          </button>
        </form>
      )}
      <p className="form-status" role="status" aria-live="polite">
        {error ? <span className="field-error">{errorText(t, error)}</span> : saved && <span className="ok">✓ {saved}</span>}
      </p>
    </section>
  );
}
