import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReasonSchema } from '../../../shared/domain/common';
import { NewPatientSchema } from '../../../shared/domain/patient';
import { SessionEventPayloadSchema } from '../../../shared/domain/session-event';

const patient = (familyName: string) => ({ mrn: 'MRN-1', familyName, givenName: 'Ana', dateOfBirth: '1980-01-01', weightKg: 70 });

/** Characters that change how the text around them is shown, or are not shown at all. */
const HIDDEN = ['\u202E', '\u202D', '\u202A', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u200B', '\u2060', '\uFEFF', '\u0000', '\u0007', '\u001B', '\u0085'];

describe('hidden characters in what people type', () => {
  it('refuses any of them anywhere in a name, naming the character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(...HIDDEN), fc.string({ maxLength: 20 }), (before, hidden, after) => {
        const name = `Sm${before}${hidden}${after}ith`;
        const result = NewPatientSchema.safeParse(patient(name));
        expect(result.success).toBe(false);
        const issue = result.error?.issues.find((i) => i.path[0] === 'familyName');
        expect(issue?.code).toBe('custom');
        expect(issue?.message).toMatch(/^contains a hidden character \(U\+[0-9A-F]{4}\)/);
      }),
      { numRuns: 500 },
    );
  });

  it("takes names in the world's scripts, with the joiners Persian and Indic names need", () => {
    for (const name of ['Nguyễn', 'Łukasz-Żółć', "O'Brien", 'Müller Smith', '李', 'محمدی', 'می\u200Cخواهم', 'श्री\u200Dमान', 'Ωmega', 'Zoë']) {
      expect(NewPatientSchema.safeParse(patient(name)).success, name).toBe(true);
    }
  });

  it('lets a reason or a note run over lines, and still refuses a hidden character in it', () => {
    expect(ReasonSchema.safeParse('Cuff slipped;\r\nre-measured\twith a large cuff').success).toBe(true);
    expect(ReasonSchema.safeParse('Cuff slipped\u202E').success).toBe(false);
    expect(SessionEventPayloadSchema.safeParse({ kind: 'note', text: 'Line one\nLine two' }).success).toBe(true);
    expect(SessionEventPayloadSchema.safeParse({ kind: 'note', text: 'Line one\u2067two' }).success).toBe(false);
  });
});
