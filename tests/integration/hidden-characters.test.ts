import { describe, expect, it } from 'vitest';
import { callErr, callOk, countRows, newPatient, openTestCore, setUpAdmin } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();

describe('a name carrying a hidden character, through the contract', () => {
  it('is refused with the field, the character and a sub-code the screen words, and nothing is written', async () => {
    const t = openTestCore(dirs.make());
    const { connection } = await setUpAdmin(t.core);
    const before = countRows(t.databasePath, 'patients');
    // Shown on screen as "Smith" followed by the reversed rest of the line (the MRN, the chair).
    const error = await callErr(connection, 'patient/create', newPatient({ familyName: 'Smith\u202E', givenName: 'Ana\u200B' }));
    expect(error).toMatchObject({ code: 'invalid_request', field: 'familyName', reason: 'hidden_character', params: { codePoint: 'U+202E' } });
    expect(error.message).toBe('familyName: contains a hidden character (U+202E) that changes how the text is shown; type it again without it');
    expect(error.also).toEqual([expect.objectContaining({ field: 'givenName', reason: 'hidden_character', params: { codePoint: 'U+200B' } })]);
    expect(countRows(t.databasePath, 'patients')).toBe(before);
    // The same name typed again without it is taken.
    expect((await callOk(connection, 'patient/create', newPatient({ familyName: 'Smith', givenName: 'Ana' }))).familyName).toBe('Smith');
    t.core.close();
  });
});
