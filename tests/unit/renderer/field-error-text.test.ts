import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOLS } from '../../../shared/clinical/protocol-defaults';
import { ProtocolFieldsSchema, type ProtocolFields } from '../../../shared/domain/protocol';
import { NewUserSchema, PinSchema } from '../../../shared/domain/user';
import type { AppError } from '../../../shared/result';
import { fieldErrorText } from '../../../src-renderer/format/field-error-text';
import { initI18n } from '../../../src-renderer/i18n';

/** A valid protocol to vary one field at a time: the clinic's seeded standard one. */
const PROTOCOL: ProtocolFields = DEFAULT_PROTOCOLS[0] ?? fail('DEFAULT_PROTOCOLS is empty');

function fail(message: string): never {
  throw new Error(message);
}

/** The error value main sends for a refused request: its first issue, prefixed with the path (core/dispatcher.ts). */
function refusal(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, prefix: string[] = []): AppError {
  const issue = result.error?.issues[0];
  if (!issue) throw new Error('expected the schema to refuse');
  const field = [...prefix, ...issue.path.map(String)].join('.');
  return { code: 'invalid_request', field, message: `${field}: ${issue.message}` };
}

const PROTOCOL_CASES: Record<string, Partial<Record<keyof typeof PROTOCOL, unknown>>> = {
  'dose above the soft maximum': { dosePerKg: 0.9 },
  'dose below the soft minimum': { dosePerKg: 0.08 },
  'a blank number': { dosePerKg: null },
  'a negative dose': { dosePerKg: -1 },
  'part minutes': { durationMinutes: 2.5 },
  'too many minutes': { durationMinutes: 5000 },
  'negative recovery': { minimumRecoveryMinutes: -1 },
  'part recovery minutes': { minimumRecoveryMinutes: 1.5 },
  'no name': { name: ' ' },
  'a long name': { name: 'x'.repeat(101) },
  'hard minimum above soft minimum': { hardMinPerKg: 0.2 },
  'soft maximum above hard maximum': { hardMaxPerKg: 0.6 },
  'zero interval': { infusionIntervalMinutes: 0 },
};

describe('fieldErrorText', () => {
  beforeAll(async () => {
    await initI18n('es');
  });

  it.each(Object.entries(PROTOCOL_CASES))('gives main\'s protocol refusal (%s) its own Spanish text', (_name, change) => {
    const error = refusal(ProtocolFieldsSchema.safeParse({ ...PROTOCOL, ...change }), ['fields']);
    const text = fieldErrorText(i18next.t, error, 'Dosis', 'mg/kg');
    expect(text).not.toContain(error.message.split(': ').at(-1));
    expect(text).not.toMatch(/fieldError\.|fields\./);
  });

  it('names the soft maximum in the field\'s own words', async () => {
    await i18next.changeLanguage('en');
    const error = refusal(ProtocolFieldsSchema.safeParse({ ...PROTOCOL, dosePerKg: 0.9 }), ['fields']);
    expect(fieldErrorText(i18next.t, error, 'Dose', 'mg/kg')).toBe('Dose is above the soft maximum.');
    await i18next.changeLanguage('es');
  });

  it('gives every refusal of a new user a translated text', () => {
    for (const change of [{ username: 'a' }, { displayName: '' }, { roles: [] }]) {
      const error = refusal(NewUserSchema.safeParse({ username: 'nina.berg', displayName: 'Nina Berg', roles: ['nurse'], ...change }));
      const text = fieldErrorText(i18next.t, error, 'Campo');
      expect(text).not.toContain(error.message.split(': ').at(-1));
    }
    for (const pin of ['12', '123456', '000000', '121212']) {
      const error = refusal(PinSchema.safeParse(pin), ['pin']);
      const text = fieldErrorText(i18next.t, error, 'Campo');
      expect(text).not.toContain(error.message.split(': ').at(-1));
    }
  });

  it('shows a message it has no text for as main wrote it, without the path', () => {
    const error: AppError = { code: 'invalid_request', field: 'fields.drug', message: 'fields.drug: Something new' };
    expect(fieldErrorText(i18next.t, error, 'Fármaco')).toBe('Something new');
  });
});
