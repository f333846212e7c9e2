import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AppError, Result } from '../../shared/result';
import { FieldError } from '../components/FieldError';
import { errorText } from '../format/error-text';
import { ListField, listErrors, type DraftItem } from './ListField';
import { changedLeaves, leaves, listItems, listValue, valueAt, withValueAt, type LeafField, type SettingValue, type SettingsField } from './schema-fields';
import { fieldLabel, numberError, rangeText, unitText, valueText } from './settings-text';

/** What the user has typed: numbers stay text until saved, so a half-typed value is not lost. */
type Draft = Record<string, { text: string; off: boolean } | { items: DraftItem[] } | boolean | string>;

function draftOf(fields: readonly SettingsField[], current: unknown): Draft {
  return Object.fromEntries(
    leaves(fields).map((leaf) => {
      const value = valueAt(current, leaf.path);
      if (leaf.field.kind === 'number') return [leaf.key, { text: value === null ? '' : String(value), off: value === null }];
      if (leaf.field.kind === 'list') return [leaf.key, { items: listItems(leaf.field, value).map((item, index) => ({ ...item, key: index + 1 })) }];
      return [leaf.key, leaf.field.kind === 'boolean' ? value === true : String(value ?? '')];
    }),
  );
}

/** The ids a list field's stored value holds now: a new entry is numbered after them. */
function idsIn(leaf: LeafField, current: unknown): number[] {
  return listItems(leaf.field, valueAt(current, leaf.path)).flatMap((item) => (item.id === null ? [] : [item.id]));
}

function valueOf(leaf: LeafField, entry: Draft[string] | undefined, current: unknown): SettingValue {
  if (typeof entry === 'object' && 'items' in entry) return listValue(leaf.field, entry.items, idsIn(leaf, current));
  if (leaf.field.kind === 'number' && typeof entry === 'object') return entry.off ? null : Number(entry.text.replace(',', '.'));
  return entry as SettingValue;
}

/** The form's error key for a field main names ("chairs.2.name" -> the list's entry "chairs.2"), or null. */
function draftKeyOf(fields: readonly SettingsField[], field: string): string | null {
  for (const leaf of leaves(fields)) {
    if (field === leaf.key) return leaf.key;
    if (leaf.field.kind === 'list' && field.startsWith(`${leaf.key}.`)) return `${leaf.key}.${field.slice(leaf.key.length + 1).split('.')[0] ?? ''}`;
  }
  return null;
}

interface Props<T> {
  idPrefix: string;
  schema: z.ZodType<T>;
  fields: readonly SettingsField[];
  current: T;
  save(next: T, reason: string): Promise<Result<unknown>>;
  onSaved(): void;
  onCancel(): void;
}

/**
 * Edits any settings object from its schema's fields, with a reason. Limits are checked as
 * the schema states them before anything is sent; main checks again and names the field.
 */
export function SettingsForm<T>({ idPrefix, schema, fields, current, save, onSaved, onCancel }: Props<T>) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(fields, current));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [mainError, setMainError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const next = leaves(fields).reduce<T>((value, leaf) => withValueAt(value, leaf.path, valueOf(leaf, draft[leaf.key], current)), current);
  const changed = changedLeaves(fields, current, next);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const leaf of leaves(fields)) {
      const entry = draft[leaf.key];
      if (leaf.field.kind === 'number' && typeof entry === 'object' && 'text' in entry && !entry.off) {
        const message = numberError(t, i18n.language, leaf, entry.text);
        if (message) found[leaf.key] = message;
      }
      if (leaf.field.kind === 'text' && typeof entry === 'string' && entry.trim() === '') found[leaf.key] = t('clinicSettings.error.required', { what: fieldLabel(t, leaf) });
      if (typeof entry === 'object' && 'items' in entry) Object.assign(found, listErrors(t, leaf, entry.items));
    }
    if (reason.trim().length < 3) found.reason = t('clinicSettings.error.reason');
    setErrors(found);
    setMainError(null);
    if (Object.keys(found).length > 0) return;
    const parsed = schema.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setErrors({ [issue?.path.join('.') ?? '']: t('clinicSettings.error.invalid', { what: issue ? issue.path.join(' › ') : '' }) });
      return;
    }
    setBusy(true);
    const result = await save(parsed.data, reason.trim());
    setBusy(false);
    if (result.ok) onSaved();
    else {
      // Main names the field by its request path ("config.dischargeCriteria.minimumAldreteScore").
      const key = draftKeyOf(fields, result.error.field?.split('.').slice(1).join('.') ?? '');
      if (result.error.field === 'reason') setErrors({ reason: errorText(t, result.error) });
      else if (key !== null) setErrors({ [key]: errorText(t, result.error) });
      else setMainError(result.error);
    }
  }

  function input(leaf: LeafField): ReactNode {
    const id = `${idPrefix}-${leaf.key}`;
    const entry = draft[leaf.key];
    const label = fieldLabel(t, leaf);
    const describedBy = errors[leaf.key] ? `${id}-error` : undefined;
    const set = (value: Draft[string]) => {
      setDraft({ ...draft, [leaf.key]: value });
      // The message was about the value just replaced.
      if (errors[leaf.key]) setErrors(Object.fromEntries(Object.entries(errors).filter(([key]) => key !== leaf.key)));
    };
    if (leaf.field.kind === 'list') {
      return (
        <ListField
          id={id}
          leaf={leaf}
          items={typeof entry === 'object' && 'items' in entry ? entry.items : []}
          errors={errors}
          onChange={(items) => {
            setDraft({ ...draft, [leaf.key]: { items } });
            // Messages about the list's entries were about the entries just changed.
            setErrors(Object.fromEntries(Object.entries(errors).filter(([key]) => key !== leaf.key && !key.startsWith(`${leaf.key}.`))));
          }}
        />
      );
    }
    if (leaf.field.kind === 'boolean') {
      return (
        <label className="inline-check" htmlFor={id}>
          <input id={id} type="checkbox" checked={entry === true} onChange={(event) => set(event.target.checked)} />
          {label}
        </label>
      );
    }
    if (leaf.field.kind === 'choice') {
      return (
        <>
          <label htmlFor={id}>{label}</label>
          <select id={id} value={String(entry)} onChange={(event) => set(event.target.value)}>
            {leaf.field.options.map((option) => (
              <option key={option} value={option}>
                {valueText(t, i18n.language, leaf, option)}
              </option>
            ))}
          </select>
        </>
      );
    }
    if (leaf.field.kind === 'text') {
      return (
        <>
          <label htmlFor={id}>{label}</label>
          <input id={id} value={String(entry)} maxLength={leaf.field.maxLength ?? undefined} aria-invalid={describedBy !== undefined} aria-describedby={describedBy} onChange={(event) => set(event.target.value)} />
        </>
      );
    }
    const number = typeof entry === 'object' && 'text' in entry ? entry : { text: '', off: false };
    return (
      <>
        <label htmlFor={id}>{label}</label>
        <span className="rule-input-line">
          <input
            id={id}
            type="number"
            inputMode="decimal"
            step={leaf.field.integer ? 1 : 'any'}
            value={number.text}
            disabled={number.off}
            aria-invalid={describedBy !== undefined}
            aria-describedby={[`${id}-range`, describedBy].filter(Boolean).join(' ')}
            onChange={(event) => set({ ...number, text: event.target.value })}
          />
          <span className="unit" aria-hidden="true">
            {unitText(t, leaf)}
          </span>
          <span className="muted settings-range" id={`${id}-range`}>
            ({rangeText(t, i18n.language, leaf)})
          </span>
          {leaf.field.nullable && (
            <label className="inline-check settings-off">
              <input type="checkbox" checked={number.off} onChange={(event) => set({ ...number, off: event.target.checked })} />
              {t('clinicSettings.switchOff')}
            </label>
          )}
        </span>
      </>
    );
  }

  function render(field: SettingsField, depth: number): ReactNode {
    if (field.type === 'group') {
      return (
        <fieldset key={field.key} className={`settings-group settings-depth-${depth}`} data-testid={`${idPrefix}-group-${field.key}`}>
          <legend>{fieldLabel(t, field)}</legend>
          {field.children.map((child) => render(child, depth + 1))}
        </fieldset>
      );
    }
    // A list shows its own errors, beside each entry.
    if (field.field.kind === 'list') return <div key={field.key}>{input(field)}</div>;
    return (
      <div key={field.key} className="form-field settings-field">
        {input(field)}
        <FieldError id={`${idPrefix}-${field.key}-error`} text={errors[field.key] ?? null} />
      </div>
    );
  }

  return (
    <form className="settings-form" onSubmit={submit} noValidate data-testid={`${idPrefix}-form`}>
      <div className="settings-groups">{fields.map((field) => render(field, 0))}</div>
      {changed.length > 0 && (
        <ul className="rule-change-fields" data-testid={`${idPrefix}-diff`} aria-label={t('clinicSettings.changes')}>
          {changed.map((leaf) => (
            <li key={leaf.key}>
              <span className="rule-change-field">{fieldLabel(t, leaf)}</span> <del>{valueText(t, i18n.language, leaf, valueAt(current, leaf.path))}</del> <span aria-hidden="true">→</span>{' '}
              <ins>{valueText(t, i18n.language, leaf, valueAt(next, leaf.path))}</ins>
            </li>
          ))}
        </ul>
      )}
      <div className="form-field">
        <label htmlFor={`${idPrefix}-reason`}>{t('clinicSettings.reason')}</label>
        <input
          id={`${idPrefix}-reason`}
          value={reason}
          maxLength={500}
          aria-invalid={errors.reason !== undefined}
          aria-describedby={errors.reason ? `${idPrefix}-reason-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        <FieldError id={`${idPrefix}-reason-error`} text={errors.reason ?? null} />
      </div>
      {mainError && (
        <p className="field-error" role="alert">
          {errorText(t, mainError)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || changed.length === 0}>
          {t('clinicSettings.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('clinicSettings.cancel')}
        </button>
      </div>
    </form>
  );
}
