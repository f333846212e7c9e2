import { z } from 'zod';

/** Milliseconds since the Unix epoch, UTC. Every stored time in Vigil is one of these. */
export const EpochMsSchema = z.number().int().nonnegative();
export type EpochMs = z.infer<typeof EpochMsSchema>;

export const IdSchema = z.number().int().positive();
export type Id = z.infer<typeof IdSchema>;

/** Free text a person typed as the reason for an override, correction or abort. */
export const ReasonSchema = z.string().trim().min(3, 'Give a reason of at least 3 characters').max(500);
