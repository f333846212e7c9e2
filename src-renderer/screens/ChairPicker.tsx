import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chairKey } from '../../shared/domain/clinic-chairs';
import { FieldError } from '../components/FieldError';
import { useAnswer, type Answer } from '../hooks/use-answer';
import { errorText } from '../format/error-text';
import { useAppStore } from '../store/app-store';
import { bridge, call } from '../transport/client';

export type ClinicChairs = Answer<string[]>;

/** The clinic's chairs (chair/list, counting order), read again whenever the clinic settings change in any window. */
export function useClinicChairs(): ClinicChairs {
  const [changes, setChanges] = useState(0);
  useEffect(() => bridge().subscribe('settings/changed', () => setChanges((n) => n + 1)), []);
  return useAnswer(() => call('chair/list', {}), { refresh: [changes] });
}

/**
 * The chair a session opens in, picked from the clinic's chairs (nobody types a chair at 7 pm):
 * a chair with an open session is shown but cannot be picked; the first free one is offered.
 */
export function ChairPicker({ chairs, value, onChange }: { chairs: ClinicChairs; value: string; onChange(chair: string): void }) {
  const { t } = useTranslation();
  const busy = useAppStore((state) => state.openSessions);
  const taken = new Set(busy.map((summary) => chairKey(summary.session.chair)));
  const names = chairs.value ?? [];
  const firstFree = names.find((name) => !taken.has(chairKey(name))) ?? '';

  // Offer the first free chair until the nurse picks one. A picked chair is never swapped for
  // another behind her back (a session opened meanwhile in it: main refuses, and the form says so);
  // only a chair no longer in the clinic's list is let go.
  useEffect(() => {
    if ((value === '' || (chairs.value !== null && !names.includes(value))) && firstFree !== value) onChange(firstFree);
  });

  if (chairs.error) return <FieldError id="open-session-chairs" text={t('chairs.loadFailed', { message: errorText(t, chairs.error) })} />;
  if (chairs.value !== null && names.length === 0) {
    return (
      <p className="muted" data-testid="open-session-no-chairs">
        {t('chairs.noneYet')}
      </p>
    );
  }
  return (
    <label>
      {t('patients.chair')}
      <select name="chair" autoFocus value={value} onChange={(event) => onChange(event.target.value)} disabled={!chairs.settled}>
        {firstFree === '' && <option value="">{t('chairs.allTaken')}</option>}
        {names.map((name) => {
          const inUse = taken.has(chairKey(name));
          return (
            <option key={name} value={name} disabled={inUse}>
              {inUse ? t('chairs.inUse', { chair: name }) : name}
            </option>
          );
        })}
      </select>
    </label>
  );
}
