import { useTranslation } from 'react-i18next';
import { CO_MEDICATION_CLASSES, type CoMedicationClass } from '../../shared/clinical/screening-checklist';

/** A row being typed: the class stays empty until the nurse chooses one, never guessed. */
export interface CoMedicationDraft {
  key: number;
  name: string;
  medicationClass: CoMedicationClass | '';
}

interface CoMedicationRowsProps {
  rows: readonly CoMedicationDraft[];
  onChange(rows: CoMedicationDraft[]): void;
  /** The row the nurse just added, whose name field takes the focus. */
  focusKey: number | null;
  onAdd(): void;
  /** Index of a row that blocked saving. */
  invalidIndex: number | null;
}

function isClass(value: string): value is CoMedicationClass {
  return (CO_MEDICATION_CLASSES as readonly string[]).includes(value);
}

/** Current medications that change the picture (sedation, blood pressure): name and class per row. */
export function CoMedicationRows({ rows, onChange, focusKey, onAdd, invalidIndex }: CoMedicationRowsProps) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<CoMedicationDraft>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="co-medications" data-testid="co-medications">
      <legend>{t('screening.coMedicationsTitle')}</legend>
      {rows.length === 0 && <p className="muted phase-meta">{t('screening.coMedicationsNone')}</p>}
      {rows.map((row, index) => (
        <div key={row.key} className="co-medication-row" data-testid="co-medication-row" aria-invalid={invalidIndex === index ? true : undefined}>
          <label className="phase-grow">
            {t('screening.coMedicationName')}
            <input name={`coMedicationName${index}`} value={row.name} maxLength={100} autoFocus={row.key === focusKey} onChange={(e) => update(index, { name: e.target.value })} />
          </label>
          <label>
            {t('screening.coMedicationClass')}
            <select name={`coMedicationClass${index}`} value={row.medicationClass} onChange={(e) => update(index, { medicationClass: isClass(e.target.value) ? e.target.value : '' })}>
              <option value="">{t('screening.chooseClass')}</option>
              {CO_MEDICATION_CLASSES.map((medicationClass) => (
                <option key={medicationClass} value={medicationClass}>
                  {t(`screening.medicationClass.${medicationClass}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" aria-label={t('screening.removeMedicationLabel', { n: index + 1 })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {t('screening.removeMedication')}
          </button>
        </div>
      ))}
      <button type="button" onClick={onAdd}>
        + {t('screening.addMedication')}
      </button>
    </fieldset>
  );
}
