import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printablePdf, saveExportedFile, writeFileAtomically, type SaveDialog } from '../../../src-main/electron/save-file';

const folder = () => mkdtempSync(join(tmpdir(), 'vigil-save-'));
const file = (text: string, mediaType = 'application/pdf', fileName = 'vigil-session-1.pdf') => ({ fileName, mediaType, base64: Buffer.from(text).toString('base64') });

function dialogAnswering(answer: { canceled: boolean; filePath?: string }) {
  const asked: Parameters<SaveDialog['showSaveDialog']>[0][] = [];
  const dialog: SaveDialog = {
    showSaveDialog: (options) => {
      asked.push(options);
      return Promise.resolve(answer);
    },
  };
  return { dialog, asked };
}

describe('saving an export on the desktop', () => {
  it('asks with main’s file name in the documents folder and the format’s filter, then writes the bytes', async () => {
    const dir = folder();
    const target = join(dir, 'chosen.pdf');
    const { dialog, asked } = dialogAnswering({ canceled: false, filePath: target });
    expect(await saveExportedFile(dialog, file('%PDF-1.7 report'), dir)).toEqual({ saved: true, path: target });
    expect(asked).toEqual([{ title: 'vigil-session-1.pdf', defaultPath: join(dir, 'vigil-session-1.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] }]);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 report');
    expect(readdirSync(dir)).toEqual(['chosen.pdf']);
  });

  it('writes nothing when the nurse cancels, or when the page sends something that is not an export', async () => {
    const dir = folder();
    expect(await saveExportedFile(dialogAnswering({ canceled: true }).dialog, file('x'), dir)).toEqual({ saved: false, reason: 'canceled' });
    const never = dialogAnswering({ canceled: false, filePath: join(dir, 'evil') });
    expect(await saveExportedFile(never.dialog, { fileName: '../../etc/passwd', mediaType: 'application/pdf', base64: '' }, dir)).toEqual({ saved: false, reason: 'invalid' });
    expect(await saveExportedFile(never.dialog, { ...file('x'), mediaType: 'text/html' }, dir)).toEqual({ saved: false, reason: 'invalid' });
    expect(never.asked).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces an existing file whole (temporary file, then rename) and leaves no temporary file behind', async () => {
    const dir = folder();
    const target = join(dir, 'report.csv');
    writeFileSync(target, 'old');
    await writeFileAtomically(target, Buffer.from('new contents'));
    expect(readFileSync(target, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('cleans up its temporary file when the rename fails (the target is a folder)', async () => {
    const dir = folder();
    const target = join(dir, 'a-folder');
    await writeFileAtomically(join(dir, 'keep.txt'), Buffer.from('k'));
    await import('node:fs/promises').then((fs) => fs.mkdir(join(target, 'inside'), { recursive: true }));
    await expect(writeFileAtomically(target, Buffer.from('x'))).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['a-folder', 'keep.txt']);
  });

  it('prints only a PDF', () => {
    expect(printablePdf(file('%PDF-1.7 report'))?.toString()).toBe('%PDF-1.7 report');
    expect(printablePdf(file('Session,MRN', 'text/csv', 'a.csv'))).toBeNull();
    expect(printablePdf(file('<html>', 'application/pdf'))).toBeNull();
  });
});
