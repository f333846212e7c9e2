import { z } from 'zod';

/**
 * The fields of a settings schema, read from the schema itself (zod -> JSON Schema), so a
 * field another part of Vigil adds to the clinic configuration appears on the Clinic
 * settings screen without new screen code. The unit comes from the field's name (the
 * project's rule: units in names, `...Minutes`, `...Seconds`).
 */
export type FieldKind =
  | { kind: 'number'; integer: boolean; min: number | null; max: number | null; minExclusive: boolean; nullable: boolean }
  | { kind: 'boolean' }
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'text'; maxLength: number | null }
  /**
   * A list of names: plain strings (`textKey` null) or objects with a stable integer `id` and
   * one text property (`textKey`), so a renamed entry keeps its id (the clinic's chairs).
   */
  | { kind: 'list'; maxItems: number | null; maxLength: number | null; textKey: string | null };

export interface LeafField {
  path: readonly string[];
  key: string;
  field: FieldKind;
  unit: Unit | null;
}

export interface GroupField {
  path: readonly string[];
  key: string;
  children: readonly SettingsField[];
}

export type SettingsField = ({ type: 'leaf' } & LeafField) | ({ type: 'group' } & GroupField);

export type Unit = 'minutes' | 'seconds' | 'kg' | 'mmHg' | 'percent' | 'perMinute';

const UNIT_SUFFIXES: readonly (readonly [suffix: string, unit: Unit])[] = [
  ['Minutes', 'minutes'],
  ['Seconds', 'seconds'],
  ['Kg', 'kg'],
  ['MmHg', 'mmHg'],
  ['Pct', 'percent'],
  ['Bpm', 'perMinute'],
];

export function unitOfName(name: string): Unit | null {
  // `bpAtMinutesAfterStart`: the unit may sit inside the name, before a qualifier.
  for (const [suffix, unit] of UNIT_SUFFIXES) if (name.endsWith(suffix) || name.includes(`${suffix}After`)) return unit;
  return null;
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
  items?: JsonSchema;
  maxItems?: number;
}

/** A list field's kind, or null when its items are not names this screen can edit. */
function listKind(value: JsonSchema): FieldKind | null {
  const item = value.items;
  const maxItems = value.maxItems ?? null;
  if (item?.type === 'string') return { kind: 'list', maxItems, maxLength: item.maxLength ?? null, textKey: null };
  const properties = Object.entries(item?.properties ?? {});
  const text = properties.filter(([name, schema]) => name !== 'id' && schema.type === 'string');
  if (item?.type !== 'object' || properties.length !== 2 || item.properties?.id?.type !== 'integer' || text.length !== 1) return null;
  return { kind: 'list', maxItems, maxLength: text[0]?.[1].maxLength ?? null, textKey: text[0]?.[0] ?? null };
}

function leafKind(schema: JsonSchema): FieldKind | null {
  const options = schema.anyOf ?? [schema];
  const nullable = options.some((option) => option.type === 'null');
  const value = options.find((option) => option.type !== 'null');
  if (!value) return null;
  if (value.type === 'number' || value.type === 'integer') {
    const minExclusive = value.exclusiveMinimum !== undefined;
    return { kind: 'number', integer: value.type === 'integer', min: value.minimum ?? value.exclusiveMinimum ?? null, max: value.maximum ?? null, minExclusive, nullable };
  }
  if (value.type === 'boolean') return { kind: 'boolean' };
  if (value.type === 'string' && Array.isArray(value.enum)) return { kind: 'choice', options: value.enum.map(String) };
  if (value.type === 'string') return { kind: 'text', maxLength: value.maxLength ?? null };
  if (value.type === 'array') return listKind(value);
  return null;
}

function walk(schema: JsonSchema, path: readonly string[]): SettingsField[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, child]): SettingsField[] => {
    const childPath = [...path, name];
    const key = childPath.join('.');
    if (child.type === 'object' && child.properties) return [{ type: 'group', path: childPath, key, children: walk(child, childPath) }];
    const field = leafKind(child);
    // A shape this screen cannot edit yet is left out rather than shown wrongly.
    return field ? [{ type: 'leaf', path: childPath, key, field, unit: unitOfName(name) }] : [];
  });
}

/** The editable fields of an object schema, in the schema's order, nested as it nests. */
export function settingsFields(schema: z.ZodType): SettingsField[] {
  return walk(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema, []);
}

export function leaves(fields: readonly SettingsField[]): LeafField[] {
  return fields.flatMap((field) => (field.type === 'leaf' ? [field] : leaves(field.children)));
}

export type SettingValue = number | boolean | string | null | readonly unknown[];

/** One entry of a list field: its stable id (null for a plain string, or an entry not saved yet) and its text. */
export interface ListItem {
  id: number | null;
  text: string;
}

/** A list field's stored value as entries. */
export function listItems(field: FieldKind, value: SettingValue): ListItem[] {
  if (field.kind !== 'list' || !Array.isArray(value)) return [];
  const { textKey } = field;
  return value.map((entry: unknown) => {
    if (textKey === null) return { id: null, text: String(entry) };
    const record = entry as Record<string, unknown>;
    return { id: typeof record.id === 'number' ? record.id : null, text: String(record[textKey] ?? '') };
  });
}

/**
 * Entries back into the stored shape: text trimmed, and an entry without an id given the next
 * one after every id the list has ever shown (`knownIds`), so an id is never reused by accident.
 */
export function listValue(field: FieldKind, items: readonly ListItem[], knownIds: readonly number[]): SettingValue {
  if (field.kind !== 'list') return null;
  const { textKey } = field;
  if (textKey === null) return items.map((item) => item.text.trim());
  let next = Math.max(0, ...knownIds, ...items.map((item) => item.id ?? 0)) + 1;
  return items.map((item) => ({ id: item.id ?? next++, [textKey]: item.text.trim() }));
}

/** Two values of a field are the same (lists compared entry by entry). */
export function sameValue(a: SettingValue, b: SettingValue): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

export function valueAt(root: unknown, path: readonly string[]): SettingValue {
  let node: unknown = root;
  for (const name of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined;
  return node === undefined ? null : (node as SettingValue);
}

/** A copy of `root` with the value at `path` replaced. */
export function withValueAt<T>(root: T, path: readonly string[], value: SettingValue): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  const node = (root ?? {}) as Record<string, unknown>;
  return { ...node, [head]: withValueAt(node[head], rest, value) } as T;
}

/** The leaves whose value differs between two versions. */
export function changedLeaves(fields: readonly SettingsField[], before: unknown, after: unknown): LeafField[] {
  return leaves(fields).filter((leaf) => !sameValue(valueAt(before, leaf.path), valueAt(after, leaf.path)));
}
