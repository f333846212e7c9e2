import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppError, ErrorCode } from '../../../shared/result';
import { errorText } from '../../../src-renderer/format/error-text';
import { initI18n, switchLanguage } from '../../../src-renderer/i18n';

const FAULTS: ErrorCode[] = ['storage_full', 'storage_read_only', 'storage_io', 'storage_busy', 'storage_damaged', 'internal'];
const fault = (code: ErrorCode, act: 'write' | 'read'): AppError => ({ code, message: 'log text', params: { act } });

describe('storage faults in the nurse’s words', () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  it('gives each fault its own message, saying what still works and what to do', async () => {
    for (const language of ['en', 'es'] as const) {
      await switchLanguage(language);
      const writes = FAULTS.map((code) => errorText(i18next.t, fault(code, 'write')));
      const reads = FAULTS.map((code) => errorText(i18next.t, fault(code, 'read')));
      expect(new Set(writes).size, language).toBe(FAULTS.length);
      expect(new Set(reads).size, language).toBe(FAULTS.length);
      for (const text of [...writes, ...reads]) expect(text, language).not.toMatch(/^faults\./);
    }
    await i18next.changeLanguage('en');
    expect(errorText(i18next.t, fault('storage_full', 'write'))).toMatch(/disk is full.*Charting is paused: what you entered is kept on screen; nothing was saved.*free disk space/);
    expect(errorText(i18next.t, fault('storage_damaged', 'write'))).toMatch(/restore the most recent backup/);
  });

  it('never says "nothing was saved" for a failed read', () => {
    for (const code of FAULTS) {
      const text = errorText(i18next.t, fault(code, 'read'));
      expect(text, code).not.toMatch(/nothing was saved/i);
      expect(text, code).toMatch(/Nothing was changed/);
    }
  });
});

describe('a refused hidden character in the nurse’s words', () => {
  it('names the character in English and Spanish, not the field code', async () => {
    const refused: AppError = { code: 'invalid_request', message: 'familyName: contains a hidden character (U+202E) …', field: 'familyName', reason: 'hidden_character', params: { codePoint: 'U+202E' } };
    await switchLanguage('en');
    expect(errorText(i18next.t, refused)).toBe('This contains a hidden character (U+202E) that changes how the text is shown. Type it again without it.');
    await switchLanguage('es');
    expect(errorText(i18next.t, refused)).toBe('Contiene un carácter oculto (U+202E) que cambia cómo se muestra el texto. Vuelva a escribirlo sin él.');
    await switchLanguage('en');
  });
});
