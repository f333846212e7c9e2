import { z } from 'zod';
import { EpochMsSchema } from './common';

export const BackupReasonSchema = z.enum(['session_close', 'daily', 'manual', 'before_restore', 'after_restore']);

/** A backup's file name as listed (never a path: a restore only takes a file from the backups folder). */
export const BackupFileNameSchema = z.string().regex(/^vigil-\d{8}-\d{6}-\d{3}-[a-z_]+\.sqlite3$/, 'a backup file name from the list');

/** One backup as the administrator sees it: when, why, how big, and what its check after writing found. */
export const BackupViewSchema = z.object({
  file: z.string(),
  at: EpochMsSchema,
  reason: BackupReasonSchema,
  sizeBytes: z.number().int().nonnegative(),
  /** 'ok', or what integrity_check found. */
  check: z.string(),
});
export type BackupView = z.infer<typeof BackupViewSchema>;

/** A table where the live file holds less than the newest backup did: acknowledged entries are missing. */
export const ShortfallSchema = z.object({
  table: z.string(),
  rowsNow: z.number().int(),
  rowsInBackup: z.number().int(),
  maxIdNow: z.number().int(),
  maxIdInBackup: z.number().int(),
});

/** The audit chain at start held fewer entries than the head last written beside the backups. */
export const AuditShortfallSchema = z.object({
  /** The last entry the head file says was committed. */
  headSeq: z.number().int(),
  headAt: EpochMsSchema,
  /** The last entry the file holds. */
  fileSeq: z.number().int(),
});
export type AuditShortfall = z.infer<typeof AuditShortfallSchema>;

export const BackupRestoreRequestSchema = z.object({ file: BackupFileNameSchema }).strict();

export const BackupRestoreResultSchema = z.object({
  restoredFrom: z.string(),
  /** Where the replaced file lies now, with every entry it held (never deleted). */
  keptAsideAs: z.string().nullable(),
  at: EpochMsSchema,
  /** The restored file's state before the restore: what it lacks of the replaced file is in the file kept aside. */
  auditEntriesNotRestored: z.number().int().nonnegative(),
});
export type BackupRestoreResult = z.infer<typeof BackupRestoreResultSchema>;

/**
 * SQLite's full integrity_check of the record file: at start when Vigil could not vouch for
 * the file, otherwise in the background after start (README "Backups and recovery").
 */
export const FileCheckStatusSchema = z.object({
  state: z.enum(['checking', 'ok', 'damaged', 'failed']),
  /** The newest full check that finished (this run's, or the one the last clean close recorded). */
  last: z
    .object({
      at: EpochMsSchema,
      durationMs: z.number().int().nonnegative(),
      where: z.enum(['start', 'background', 'previousRun']),
      /** What integrity_check found (the first few lines); empty when the file is whole. */
      problems: z.array(z.string()),
    })
    .nullable(),
  /** Why the check could not run ('failed'). */
  message: z.string().optional(),
});
export type FileCheckStatus = z.infer<typeof FileCheckStatusSchema>;

export const BackupStatusSchema = z.object({
  folder: z.string(),
  backups: z.array(BackupViewSchema),
  /** Found at start by comparing the file with the newest backup; empty when it holds everything. */
  shortfalls: z.array(ShortfallSchema),
  /** Found at start by comparing the audit chain with its head file; null when it holds everything. */
  auditShortfall: AuditShortfallSchema.nullable(),
  /** The restore done from this screen since Vigil started, if any. */
  lastRestore: BackupRestoreResultSchema.nullable(),
  fileCheck: FileCheckStatusSchema,
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;
