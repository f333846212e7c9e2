import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { callErr, callOk, countRows, newPatient, openTestCore, setUpAdmin, T0, type TestCore } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs('all');
let t: TestCore;
let clinician: CoreConnection;

beforeAll(async () => {
  t = openTestCore(dirs.make());
  ({ connection: clinician } = await setUpAdmin(t.core));
});
afterAll(() => {
  t.core.close();
  expect(t.logger.errors()).toEqual([]);
});

/** Runs `attempt` and checks that the patients table did not change. */
async function expectNothingWritten(attempt: () => Promise<unknown>): Promise<void> {
  const before = countRows(t.databasePath, 'patients');
  await attempt();
  expect(countRows(t.databasePath, 'patients')).toBe(before);
}

describe('patient/create', () => {
  it('registers a patient, stamped with the clock', async () => {
    const input = newPatient({ familyName: 'Lindqvist', givenName: 'Maja', weightKg: 64.5 });
    const patient = await callOk(clinician, 'patient/create', input);
    expect(patient).toEqual({ ...input, id: expect.any(Number), createdAt: T0, sex: null, heightCm: null, allergies: '' });
    expect(await callOk(clinician, 'patient/get', { patientId: patient.id })).toEqual(patient);
    expect(countRows(t.databasePath, 'patients', `id = ${patient.id}`)).toBe(1);
  });

  it('refuses a duplicate MRN (in any letter case) with field mrn, and writes nothing', async () => {
    const first = await callOk(clinician, 'patient/create', newPatient());
    await expectNothingWritten(async () => {
      expect(await callErr(clinician, 'patient/create', newPatient({ mrn: first.mrn }))).toMatchObject({ code: 'conflict', field: 'mrn' });
      expect(await callErr(clinician, 'patient/create', newPatient({ mrn: first.mrn.toLowerCase() }))).toMatchObject({ code: 'conflict', field: 'mrn' });
    });
  });

  it.each([19.9, 350.1, 0, -70])('refuses weight %d kg as value_out_of_range with the limits, and writes nothing', async (weightKg) => {
    await expectNothingWritten(async () => {
      expect(await callErr(clinician, 'patient/create', newPatient({ weightKg }))).toEqual({
        code: 'value_out_of_range',
        message: expect.stringContaining('kg'),
        field: 'weightKg',
        params: { value: weightKg, min: 20, max: 350, unit: 'kg' },
      });
    });
  });

  it('accepts the weight limits themselves', async () => {
    await callOk(clinician, 'patient/create', newPatient({ weightKg: 20 }));
    await callOk(clinician, 'patient/create', newPatient({ weightKg: 350 }));
  });

  it('refuses a weight with two decimals', async () => {
    await expectNothingWritten(async () => {
      expect(await callErr(clinician, 'patient/create', newPatient({ weightKg: 70.25 }))).toMatchObject({ code: 'invalid_request', field: 'weightKg' });
    });
  });

  it('names every field it refuses in one answer: a weight out of range and a date of birth in the future', async () => {
    await expectNothingWritten(async () => {
      const error = await callErr(clinician, 'patient/create', newPatient({ weightKg: 900, dateOfBirth: '2025-03-04' }));
      expect(error).toMatchObject({ code: 'value_out_of_range', field: 'weightKg', params: { value: 900, unit: 'kg' } });
      expect(error.also).toEqual([{ code: 'invalid_request', message: 'The date of birth is in the future', field: 'dateOfBirth', reason: 'date_in_future' }]);
    });
  });

  it('refuses a date of birth in the future or more than 120 years ago', async () => {
    await expectNothingWritten(async () => {
      expect(await callErr(clinician, 'patient/create', newPatient({ dateOfBirth: '2025-03-04' }))).toMatchObject({ code: 'invalid_request', field: 'dateOfBirth' });
      expect(await callErr(clinician, 'patient/create', newPatient({ dateOfBirth: '1900-01-01' }))).toMatchObject({
        code: 'value_out_of_range',
        field: 'dateOfBirth',
        params: { max: 120 },
      });
    });
  });

  it('refuses a malformed request through the contract, and writes nothing', async () => {
    await expectNothingWritten(async () => {
      expect(await callErr(clinician, 'patient/create', { ...newPatient(), weightKg: '80' })).toMatchObject({ code: 'invalid_request', field: 'weightKg' });
      expect(await callErr(clinician, 'patient/create', { ...newPatient(), dateOfBirth: '17/05/1980' })).toMatchObject({ code: 'invalid_request', field: 'dateOfBirth' });
    });
  });
});

describe('patient/get and patient/list', () => {
  it('answers not_found for an unknown patient', async () => {
    expect(await callErr(clinician, 'patient/get', { patientId: 999_999 })).toMatchObject({ code: 'not_found', field: 'patientId' });
  });

  it('finds patients by part of a name or MRN, case-insensitively', async () => {
    const patient = await callOk(clinician, 'patient/create', newPatient({ familyName: 'Abernathy-Quist', givenName: 'Ruth' }));
    expect(await callOk(clinician, 'patient/list', { search: 'quist' })).toEqual([patient]);
    expect(await callOk(clinician, 'patient/list', { search: patient.mrn.toLowerCase() })).toEqual([patient]);
    expect((await callOk(clinician, 'patient/list', {})).map((p) => p.id)).toContain(patient.id);
  });

  it('treats % and _ in a search as literal characters', async () => {
    expect(await callOk(clinician, 'patient/list', { search: '%' })).toEqual([]);
    expect(await callOk(clinician, 'patient/list', { search: '_' })).toEqual([]);
  });
});
