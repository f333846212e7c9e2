import { describe, expect, it } from 'vitest';
import { resolvedLanguage } from '../../../src-renderer/workstation/language';
import { resolvedTheme } from '../../../src-renderer/workstation/theme';

describe('workstation display choices', () => {
  it('follows the OS colour scheme until the workstation chooses, then keeps its choice', () => {
    expect(resolvedTheme('system', true)).toBe('dark');
    expect(resolvedTheme('system', false)).toBe('light');
    expect(resolvedTheme('light', true)).toBe('light');
    expect(resolvedTheme('dark', false)).toBe('dark');
  });

  it('follows the OS language when supported (else English) until the workstation chooses', () => {
    expect(resolvedLanguage('system', 'es-MX')).toBe('es');
    expect(resolvedLanguage('system', 'de-DE')).toBe('en');
    expect(resolvedLanguage('en', 'es-ES')).toBe('en');
    expect(resolvedLanguage('es', 'en-GB')).toBe('es');
  });
});
