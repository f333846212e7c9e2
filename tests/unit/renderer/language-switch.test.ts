import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initI18n, switchLanguage } from '../../../src-renderer/i18n';

describe('language catalogues', () => {
  it('merges only the screen language and English at start, and another language when switched to', async () => {
    await initI18n('en');
    i18next.removeResourceBundle('es', 'translation');
    expect(i18next.hasResourceBundle('es', 'translation')).toBe(false);
    expect(i18next.t('app.loading')).not.toBe('app.loading');
    const english = i18next.t('app.loading');

    await switchLanguage('es');
    expect(i18next.language).toBe('es');
    expect(i18next.hasResourceBundle('es', 'translation')).toBe(true);
    expect(i18next.t('app.loading')).not.toBe(english);
    await switchLanguage('en');
  });
});
