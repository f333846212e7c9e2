import type { TFunction } from 'i18next';
import { formatNumber } from '../format/number';
import { listItems, type LeafField, type SettingValue, type SettingsField } from './schema-fields';

/** `bpAtMinutesAfterStart` -> "Bp at minutes after start": the label of a field that has no catalogue entry yet. */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A field's label: `clinicSettings.field.<path>` in the catalogue (a group's own label is its
 * `_` key, beside its fields'), else its name made readable, so a new field is never blank.
 */
export function fieldLabel(t: TFunction, field: { key: string; path: readonly string[]; type?: SettingsField['type'] }): string {
  const key = field.type === 'group' ? `${field.key}._` : field.key;
  return t(`clinicSettings.field.${key}`, { defaultValue: humanize(field.path.at(-1) ?? field.key) });
}

export function unitText(t: TFunction, leaf: LeafField): string {
  return leaf.unit ? t(`clinicSettings.unit.${leaf.unit}`) : '';
}

export function valueText(t: TFunction, language: string, leaf: LeafField, value: SettingValue): string {
  if (leaf.field.kind === 'list') {
    const names = listItems(leaf.field, value).map((item) => item.text);
    return names.length === 0 ? t('clinicSettings.list.none') : names.join(', ');
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (value === null) return t('clinicSettings.off');
  if (typeof value === 'boolean') return value ? t('clinicSettings.yes') : t('clinicSettings.no');
  if (typeof value === 'number' && !Number.isFinite(value)) return '—';
  if (typeof value === 'number') return [formatNumber(value, language), unitText(t, leaf)].filter(Boolean).join(' ');
  if (typeof value !== 'string') return String(value);
  if (leaf.field.kind === 'choice') return t(`clinicSettings.option.${value}`, { defaultValue: value });
  return value;
}

/** The allowed range of a number field, as the form states it ("1-240 min", "at least 0 min"). */
export function rangeText(t: TFunction, language: string, leaf: LeafField): string {
  if (leaf.field.kind !== 'number') return '';
  const { min, max, minExclusive } = leaf.field;
  const unit = unitText(t, leaf);
  const n = (value: number) => formatNumber(value, language);
  // A unitless field (a score) leaves the unit's slot empty.
  const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (min !== null && max !== null) return tidy(t(minExclusive ? 'clinicSettings.range.aboveTo' : 'clinicSettings.range.between', { min: n(min), max: n(max), unit }));
  if (min !== null) return tidy(t(minExclusive ? 'clinicSettings.range.above' : 'clinicSettings.range.atLeast', { min: n(min), unit }));
  if (max !== null) return tidy(t('clinicSettings.range.atMost', { max: n(max), unit }));
  return '';
}

/** Why a typed value cannot be saved, or null. `text` is what the user typed into a number field. */
export function numberError(t: TFunction, language: string, leaf: LeafField, text: string): string | null {
  if (leaf.field.kind !== 'number') return null;
  const value = text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
  const what = fieldLabel(t, leaf);
  if (!Number.isFinite(value)) return t('clinicSettings.error.number', { what });
  if (leaf.field.integer && !Number.isInteger(value)) return t('clinicSettings.error.whole', { what });
  const { min, max, minExclusive } = leaf.field;
  const outside = (min !== null && (minExclusive ? value <= min : value < min)) || (max !== null && value > max);
  return outside ? t('clinicSettings.error.range', { what, range: rangeText(t, language, leaf) }) : null;
}
