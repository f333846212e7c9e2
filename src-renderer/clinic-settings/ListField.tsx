import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/FieldError';
import type { LeafField, ListItem } from './schema-fields';
import { fieldLabel } from './settings-text';

/** An entry as the form holds it: `key` keeps React's row (and its focus) through a reorder. */
export interface DraftItem extends ListItem {
  key: number;
}

/** Two names are the same entry when they differ only in case or surrounding spaces (as main judges chairs). */
const sameName = (name: string) => name.trim().toLocaleLowerCase();

/**
 * What stops a list from being saved, keyed `<field>.<index>` for an entry and `<field>` for
 * the list: an empty or too long name, a name given twice, more entries than the schema allows.
 */
export function listErrors(t: TFunction, leaf: LeafField, items: readonly ListItem[]): Record<string, string> {
  if (leaf.field.kind !== 'list') return {};
  const { maxItems, maxLength } = leaf.field;
  const errors: Record<string, string> = {};
  const firstIndex = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    const name = item.text.trim();
    const key = `${leaf.key}.${index}`;
    const first = firstIndex.get(sameName(name));
    if (name === '') errors[key] = t('clinicSettings.list.empty', { number: index + 1 });
    else if (maxLength !== null && name.length > maxLength) errors[key] = t('clinicSettings.list.tooLong', { name, max: maxLength });
    else if (first !== undefined) errors[key] = t('clinicSettings.list.duplicate', { name, number: first + 1 });
    if (!firstIndex.has(sameName(name))) firstIndex.set(sameName(name), index);
  }
  if (maxItems !== null && items.length > maxItems) errors[leaf.key] = t('clinicSettings.list.tooMany', { what: fieldLabel(t, leaf), max: maxItems });
  return errors;
}

interface Props {
  id: string;
  leaf: LeafField;
  items: readonly DraftItem[];
  errors: Record<string, string>;
  onChange(items: DraftItem[]): void;
}

/** Edits a list of names: add, rename, remove, move up or down; each entry's error under it. */
export function ListField({ id, leaf, items, errors, onChange }: Props) {
  const { t } = useTranslation();
  const label = fieldLabel(t, leaf);
  const maxItems = leaf.field.kind === 'list' ? leaf.field.maxItems : null;
  const maxLength = leaf.field.kind === 'list' ? leaf.field.maxLength : null;
  const full = maxItems !== null && items.length >= maxItems;
  const nextKey = Math.max(0, ...items.map((item) => item.key)) + 1;

  const move = (index: number, by: -1 | 1) => {
    const next = [...items];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange(next);
  };

  return (
    <fieldset className="settings-list" data-testid={`${id}-list`} aria-describedby={`${id}-count`}>
      <legend>{label}</legend>
      <p className="muted settings-range" id={`${id}-count`}>
        {maxItems === null ? t('clinicSettings.list.count', { count: items.length }) : t('clinicSettings.list.countOfMax', { count: items.length, max: maxItems })}
      </p>
      <ol className="settings-list-items">
        {items.map((item, index) => {
          const inputId = `${id}-${index}`;
          const error = errors[`${leaf.key}.${index}`];
          const name = item.text.trim() || t('clinicSettings.list.entry', { number: index + 1 });
          return (
            <li key={item.key} className="settings-list-item" data-testid={`${id}-item`}>
              <label htmlFor={inputId} className="visually-hidden">
                {t('clinicSettings.list.entryOf', { what: label, number: index + 1 })}
              </label>
              <input
                id={inputId}
                value={item.text}
                maxLength={maxLength ?? undefined}
                // A new entry takes the focus so the admin types its name at once.
                autoFocus={item.id === null && index === items.length - 1 && item.text === ''}
                aria-invalid={error !== undefined}
                aria-describedby={error ? `${inputId}-error` : undefined}
                onChange={(event) => onChange(items.map((other) => (other.key === item.key ? { ...other, text: event.target.value } : other)))}
              />
              <button type="button" className="icon-button" disabled={index === 0} aria-label={t('clinicSettings.list.up', { name })} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="icon-button" disabled={index === items.length - 1} aria-label={t('clinicSettings.list.down', { name })} onClick={() => move(index, 1)}>
                ↓
              </button>
              <button type="button" aria-label={t('clinicSettings.list.removeNamed', { name })} onClick={() => onChange(items.filter((other) => other.key !== item.key))}>
                {t('clinicSettings.list.remove')}
              </button>
              <FieldError id={`${inputId}-error`} text={error ?? null} />
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={full} onClick={() => onChange([...items, { key: nextKey, id: null, text: '' }])} data-testid={`${id}-add`}>
        {t(`clinicSettings.listAdd.${leaf.key}`, { defaultValue: t('clinicSettings.list.add') })}
      </button>
      <FieldError id={`${id}-error`} text={errors[leaf.key] ?? null} />
    </fieldset>
  );
}
