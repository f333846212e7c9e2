import { z } from 'zod';
import { FileCheckStatusSchema } from './backup';

export const AuditBreakSchema = z.object({
  seq: z.number().int().nullable(),
  reason: z.enum([
    'entry_missing',
    'entry_unlinked',
    'entry_altered',
    'entry_rows_altered',
    'row_changed',
    'row_missing',
    'row_unaudited',
    'truncated',
    'head_mismatch',
    'head_unreadable',
  ]),
  table: z.string().optional(),
  rowid: z.number().int().optional(),
});
export type AuditBreakView = z.infer<typeof AuditBreakSchema>;

/** The answer of `audit/verify`: is the chain whole, does every row match its digest, is the file as long as the last head seen. */
export const AuditVerifySchema = z.object({
  intact: z.boolean(),
  /** Audit entries checked. */
  rows: z.number().int().nonnegative(),
  /** Clinical rows checked against their recorded digests. */
  recordRows: z.number().int().nonnegative(),
  firstBreak: AuditBreakSchema.nullable(),
  breaks: z.array(AuditBreakSchema),
  head: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  checkedAt: z.number(),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.number(),
  actorUserId: z.number().int().nullable(),
  actor: z.string(),
  channel: z.string(),
  kind: z.enum(['write', 'view', 'system']),
  outcome: z.string(),
  detail: z.string(),
  rows: z.number().int().nonnegative(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z
  .object({
    actor: z.string().trim().max(64).optional(),
    channel: z.string().trim().max(64).optional(),
    fromAt: z.number().optional(),
    toAt: z.number().optional(),
    /** Entries before this sequence number (paging backwards from the newest). */
    beforeSeq: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

/** The start-up check of the record, as an administrator's window shows it. */
export const AuditStatusSchema = z.object({
  state: z.enum(['checking', 'intact', 'broken', 'failed']),
  firstBreak: AuditBreakSchema.nullable(),
  breaks: z.number().int().nonnegative(),
  checkedAt: z.number().nullable(),
  message: z.string().optional(),
  /** The record file's own check (SQLite integrity_check), so the administrator's warning names damage too. */
  fileCheck: FileCheckStatusSchema.optional(),
});
export type AuditStatus = z.infer<typeof AuditStatusSchema>;
