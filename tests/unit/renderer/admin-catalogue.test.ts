import { describe, expect, it } from 'vitest';
import en from '../../../src-renderer/i18n/locales/en/admin.json';
import es from '../../../src-renderer/i18n/locales/es/admin.json';

function keys(node: unknown, prefix = ''): string[] {
  if (!node || typeof node !== 'object') return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('the users, protocols and history strings', () => {
  it('exist in Spanish for every English key, and no more', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const lookup = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const key of keys(en)) expect(placeholders(lookup(es, key)), key).toEqual(placeholders(lookup(en, key)));
  });
});
