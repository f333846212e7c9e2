import { z } from 'zod';
import { EpochMsSchema, IdSchema, oneLineText, ReasonSchema } from './common';

/**
 * A dose is ordered either as a total per kg over the infusion (mg/kg) or as an hourly
 * rate per kg (mg/kg/h). Every per-kg number of a protocol is in the unit its order kind names.
 */
export const OrderKindSchema = z.enum(['perKgTotal', 'perKgPerHour']);
export type OrderKind = z.infer<typeof OrderKindSchema>;

const positive = (what: string) => z.number().finite().positive(`${what} must be above 0`);
const minutes = (what: string) => z.number().int(`${what} is whole minutes`).positive(`${what} must be above 0`).max(24 * 60);

export const ProtocolFieldsSchema = z
  .object({
    name: oneLineText(z.string().trim().min(1, 'Name the protocol').max(100)),
    drug: oneLineText(z.string().trim().min(1, 'Name the drug').max(60)),
    orderKind: OrderKindSchema,
    /** mg/kg for perKgTotal, mg/kg/h for perKgPerHour. */
    dosePerKg: positive('The dose'),
    durationMinutes: minutes('The duration'),
    concentrationMgPerMl: positive('The concentration'),
    infusionIntervalMinutes: minutes('The vitals interval during infusion'),
    recoveryIntervalMinutes: minutes('The vitals interval during recovery'),
    minimumRecoveryMinutes: z.number().int().min(0).max(24 * 60),
    softMinPerKg: positive('The soft minimum'),
    softMaxPerKg: positive('The soft maximum'),
    hardMinPerKg: positive('The hard minimum'),
    hardMaxPerKg: positive('The hard maximum'),
  })
  .strict()
  .refine((p) => p.hardMinPerKg <= p.softMinPerKg, { message: 'The hard minimum must not exceed the soft minimum', path: ['hardMinPerKg'] })
  .refine((p) => p.softMinPerKg <= p.dosePerKg, { message: 'The dose is below the soft minimum', path: ['dosePerKg'] })
  .refine((p) => p.dosePerKg <= p.softMaxPerKg, { message: 'The dose is above the soft maximum', path: ['dosePerKg'] })
  .refine((p) => p.softMaxPerKg <= p.hardMaxPerKg, { message: 'The soft maximum must not exceed the hard maximum', path: ['softMaxPerKg'] });
export type ProtocolFields = z.infer<typeof ProtocolFieldsSchema>;

/** The fields that set what a patient receives: changing any needs a physician. */
export const DOSE_AND_LIMIT_FIELDS = ['drug', 'orderKind', 'dosePerKg', 'durationMinutes', 'concentrationMgPerMl', 'softMinPerKg', 'softMaxPerKg', 'hardMinPerKg', 'hardMaxPerKg'] as const;

export function changesDoseOrLimits(before: ProtocolFields, after: ProtocolFields): boolean {
  return DOSE_AND_LIMIT_FIELDS.some((field) => before[field] !== after[field]);
}

export const ProtocolSchema = z.object({
  id: IdSchema,
  /** The first version's id: the protocol's identity across edits. */
  familyId: IdSchema,
  version: z.number().int().positive(),
  retired: z.boolean(),
  createdAt: EpochMsSchema,
  name: z.string(),
  drug: z.string(),
  orderKind: OrderKindSchema,
  dosePerKg: z.number(),
  durationMinutes: z.number().int(),
  concentrationMgPerMl: z.number(),
  infusionIntervalMinutes: z.number().int(),
  recoveryIntervalMinutes: z.number().int(),
  minimumRecoveryMinutes: z.number().int(),
  softMinPerKg: z.number(),
  softMaxPerKg: z.number(),
  hardMinPerKg: z.number(),
  hardMaxPerKg: z.number(),
});
export type Protocol = z.infer<typeof ProtocolSchema>;

/** What was ordered for one session: the inputs and main's arithmetic, kept with the record. */
export const DoseOrderRecordSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  protocolId: IdSchema,
  orderKind: OrderKindSchema,
  dosePerKg: z.number(),
  durationMinutes: z.number().int(),
  concentrationMgPerMl: z.number(),
  weightKg: z.number(),
  totalDoseMg: z.number(),
  volumeMl: z.number(),
  rateMlPerHour: z.number(),
  limitVerdict: z.enum(['within', 'softLimit']),
  overrideReason: z.string().nullable(),
  /** The protocol's standing order (placed when the session opened) or a physician's own order. */
  source: z.enum(['protocol', 'physician']),
  at: EpochMsSchema,
  userName: z.string(),
});
export type DoseOrderRecord = z.infer<typeof DoseOrderRecordSchema>;

export const NewDoseOrderSchema = z
  .object({
    sessionId: IdSchema,
    /** In the protocol's order unit: mg/kg (total) or mg/kg/h. */
    dosePerKg: z.number().finite().positive('The dose must be above 0'),
    /** Required when the dose is outside the protocol's soft limits. */
    overrideReason: ReasonSchema.optional(),
  })
  .strict();
export type NewDoseOrder = z.infer<typeof NewDoseOrderSchema>;
