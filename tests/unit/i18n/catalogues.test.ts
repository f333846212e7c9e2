import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(__dirname, '..', '..', '..', 'src-renderer', 'i18n', 'locales');
type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const load = (language: string, file: string) => flatten(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Catalogue);
/** i18next plural forms differ by language (Spanish and English both use _one/_other here). */
const FEATURE_FILES = readdirSync(join(LOCALES, 'en')).filter((f) => f.endsWith('.json'));

describe('every feature catalogue has Spanish for every English string', () => {
  it('finds the feature files in both languages', () => {
    expect(FEATURE_FILES.length).toBeGreaterThan(3);
    expect(readdirSync(join(LOCALES, 'es')).sort()).toEqual([...FEATURE_FILES].sort());
  });

  for (const file of FEATURE_FILES) {
    it(`${file}: same keys and the same {{placeholders}} in en and es, none empty`, () => {
      const en = load('en', file);
      const es = load('es', file);
      expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(text.trim(), `en ${key}`).not.toBe('');
        expect(es.get(key)?.trim(), `es ${key}`).not.toBe('');
        expect(placeholders(es.get(key) ?? ''), `placeholders of ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('no key is defined by two feature files (the merge would hide one)', () => {
    const seen = new Map<string, string>();
    for (const file of FEATURE_FILES) {
      for (const key of load('en', file).keys()) {
        expect(seen.get(key), `${key} in ${file} and ${seen.get(key) ?? ''}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });
});
