import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ExportedFileSchema, type ExportedFile } from '../../shared/domain/reports';

/**
 * Writes `bytes` to `path` so that `path` is either the old file or the whole new one, never
 * a half-written one: a temporary file in the same folder, flushed to disk, then renamed over.
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  const handle = await open(temporary, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The part of Electron's dialog module the save needs (so it is testable without Electron). */
export interface SaveDialog {
  showSaveDialog(options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

const FILTERS: Readonly<Record<ExportedFile['mediaType'], { name: string; extensions: string[] }>> = {
  'application/pdf': { name: 'PDF', extensions: ['pdf'] },
  'text/csv': { name: 'CSV', extensions: ['csv'] },
  'application/fhir+json': { name: 'FHIR JSON', extensions: ['json'] },
};

export type SaveOutcome = { saved: true; path: string } | { saved: false; reason: 'canceled' | 'invalid' };

/**
 * Asks where to save an exported file (the OS save dialog, in `folder` under main's file
 * name) and writes it atomically. The payload comes from the page: it is parsed again here.
 */
export async function saveExportedFile(dialog: SaveDialog, payload: unknown, folder: string): Promise<SaveOutcome> {
  const parsed = ExportedFileSchema.safeParse(payload);
  if (!parsed.success) return { saved: false, reason: 'invalid' };
  const file = parsed.data;
  const choice = await dialog.showSaveDialog({ title: file.fileName, defaultPath: join(folder, file.fileName), filters: [FILTERS[file.mediaType]] });
  if (choice.canceled || !choice.filePath) return { saved: false, reason: 'canceled' };
  await writeFileAtomically(choice.filePath, Buffer.from(file.base64, 'base64'));
  return { saved: true, path: choice.filePath };
}

/** Only a PDF is printed; anything else the page sends is refused. */
export function printablePdf(payload: unknown): Buffer | null {
  const parsed = ExportedFileSchema.safeParse(payload);
  if (!parsed.success || parsed.data.mediaType !== 'application/pdf') return null;
  const bytes = Buffer.from(parsed.data.base64, 'base64');
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? bytes : null;
}
