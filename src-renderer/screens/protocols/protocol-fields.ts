import type { OrderKind, Protocol, ProtocolFields } from '../../../shared/domain/protocol';

/** The numeric inputs of a protocol, grouped as the form shows them, each with the unit it is in. */
export type NumericField = Exclude<keyof ProtocolFields, 'name' | 'drug' | 'orderKind'>;
export type UnitKind = 'dose' | 'minutes' | 'mgPerMl';
export type FieldGroup = 'dose' | 'timing' | 'limits';

export const NUMERIC_FIELDS: readonly { field: NumericField; unit: UnitKind; group: FieldGroup; step: string }[] = [
  { field: 'dosePerKg', unit: 'dose', group: 'dose', step: '0.01' },
  { field: 'concentrationMgPerMl', unit: 'mgPerMl', group: 'dose', step: '0.1' },
  { field: 'durationMinutes', unit: 'minutes', group: 'timing', step: '1' },
  { field: 'infusionIntervalMinutes', unit: 'minutes', group: 'timing', step: '1' },
  { field: 'recoveryIntervalMinutes', unit: 'minutes', group: 'timing', step: '1' },
  { field: 'minimumRecoveryMinutes', unit: 'minutes', group: 'timing', step: '1' },
  // Low to high, as the limits sit on the dose scale.
  { field: 'hardMinPerKg', unit: 'dose', group: 'limits', step: '0.01' },
  { field: 'softMinPerKg', unit: 'dose', group: 'limits', step: '0.01' },
  { field: 'softMaxPerKg', unit: 'dose', group: 'limits', step: '0.01' },
  { field: 'hardMaxPerKg', unit: 'dose', group: 'limits', step: '0.01' },
];

export type FormValues = { name: string; drug: string; orderKind: OrderKind } & Record<NumericField, string>;

const EMPTY_NUMBERS = Object.fromEntries(NUMERIC_FIELDS.map(({ field }) => [field, ''])) as Record<NumericField, string>;

/** The form's starting values: the protocol being edited, or blank for a new one. */
export function initialValues(protocol: Protocol | null): FormValues {
  if (!protocol) return { name: '', drug: '', orderKind: 'perKgTotal', ...EMPTY_NUMBERS };
  const numbers = Object.fromEntries(NUMERIC_FIELDS.map(({ field }) => [field, String(protocol[field])])) as Record<NumericField, string>;
  return { name: protocol.name, drug: protocol.drug, orderKind: protocol.orderKind, ...numbers };
}

/** What is sent to main. A blank number goes as NaN (null on the wire), so main names the field. */
export function toFields(values: FormValues): ProtocolFields {
  const numbers = Object.fromEntries(
    NUMERIC_FIELDS.map(({ field }) => [field, values[field].trim() === '' ? Number.NaN : Number(values[field])]),
  ) as Record<NumericField, number>;
  return { name: values.name, drug: values.drug, orderKind: values.orderKind, ...numbers };
}
