import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VITAL_PARAMETER_KEYS, VITAL_PARAMETERS, type VitalParameter } from '../../../shared/clinical/parameters';
import { checkReadingValues } from '../../../shared/clinical/validate-reading';

describe('checkReadingValues: impossible values are refused', () => {
  it.each([
    ['heartRateBpm', 301, 0, 300, '/min'],
    ['heartRateBpm', -1, 0, 300, '/min'],
    ['systolicMmHg', 301, 0, 300, 'mmHg'],
    ['systolicMmHg', -5, 0, 300, 'mmHg'],
    ['spo2Pct', 101, 0, 100, '%'],
    ['spo2Pct', -1, 0, 100, '%'],
    ['respiratoryRatePerMin', 81, 0, 80, '/min'],
    ['temperatureC', 47.1, 10, 47, '°C'],
    ['temperatureC', 9.9, 10, 47, '°C'],
    ['moaasScore', 6, 0, 5, ''],
    ['moaasScore', -1, 0, 5, ''],
    ['dissociationLevel', 5, 0, 4, ''],
  ] as const)('%s %d -> value_out_of_range with min %d, max %d, unit "%s"', (key, value, min, max, unit) => {
    // Confirming does not make an impossible value acceptable.
    expect(checkReadingValues({ [key]: value }, [key])).toEqual({
      code: 'value_out_of_range',
      message: expect.stringContaining(String(value)),
      field: `values.${key}`,
      params: { value, min, max, unit },
    });
  });

  it('accepts the hard limits themselves (they are possible, if unusual)', () => {
    for (const key of VITAL_PARAMETER_KEYS) {
      if (key === 'systolicMmHg' || key === 'diastolicMmHg' || key === 'meanArterialMmHg') continue;
      const { hardMin, hardMax } = VITAL_PARAMETERS[key];
      expect(checkReadingValues({ [key]: hardMin }, [key]), `${key} ${hardMin}`).toBeNull();
      expect(checkReadingValues({ [key]: hardMax }, [key]), `${key} ${hardMax}`).toBeNull();
    }
  });

  it('refuses an empty reading, naming the values', () => {
    expect(checkReadingValues({}, [])).toMatchObject({ code: 'invalid_request', field: 'values' });
  });
});

describe('checkReadingValues: unusual values need the nurse to confirm', () => {
  it('asks for confirmation of an unusual value, with the plausible range', () => {
    expect(checkReadingValues({ heartRateBpm: 30 }, [])).toEqual({
      code: 'needs_confirmation',
      message: expect.stringContaining('30'),
      field: 'values.heartRateBpm',
      params: { value: 30, min: 35, max: 200, unit: '/min' },
    });
    expect(checkReadingValues({ spo2Pct: 79 }, [])).toMatchObject({ code: 'needs_confirmation', field: 'values.spo2Pct', params: { min: 80, max: 100 } });
  });

  it('accepts it once that parameter is confirmed, but not when another one is', () => {
    expect(checkReadingValues({ heartRateBpm: 30 }, ['heartRateBpm'])).toBeNull();
    expect(checkReadingValues({ heartRateBpm: 30 }, ['spo2Pct'])).toMatchObject({ code: 'needs_confirmation', field: 'values.heartRateBpm' });
  });

  it('asks about each unusual value in turn', () => {
    const values = { heartRateBpm: 210, spo2Pct: 75 };
    expect(checkReadingValues(values, [])).toMatchObject({ field: 'values.heartRateBpm' });
    expect(checkReadingValues(values, ['heartRateBpm'])).toMatchObject({ field: 'values.spo2Pct' });
    expect(checkReadingValues(values, ['heartRateBpm', 'spo2Pct'])).toBeNull();
  });

  it('refuses an impossible value before asking about an unusual one', () => {
    expect(checkReadingValues({ heartRateBpm: 30, spo2Pct: 101 }, [])).toMatchObject({ code: 'value_out_of_range', field: 'values.spo2Pct' });
  });
});

describe('checkReadingValues: crisis values are charted after confirmation', () => {
  it.each([
    ['heartRateBpm', 0],
    ['heartRateBpm', 15],
    ['heartRateBpm', 290],
    ['spo2Pct', 0],
    ['spo2Pct', 35],
    ['systolicMmHg', 300],
    ['respiratoryRatePerMin', 0],
    ['temperatureC', 28.5],
  ] as const)('%s %d asks for confirmation, then is accepted', (key, value) => {
    const values = key === 'systolicMmHg' ? { systolicMmHg: value, diastolicMmHg: 120 } : { [key]: value };
    expect(checkReadingValues(values, [])).toMatchObject({ code: 'needs_confirmation', field: `values.${key}` });
    expect(checkReadingValues(values, [key])).toBeNull();
  });

  it('accepts equal pressures (0/0 in arrest) once confirmed', () => {
    expect(checkReadingValues({ systolicMmHg: 0, diastolicMmHg: 0, heartRateBpm: 0 }, ['systolicMmHg', 'diastolicMmHg', 'heartRateBpm'])).toBeNull();
  });
});

describe('checkReadingValues: blood pressure must be consistent', () => {
  it.each([
    [120, 121],
    [80, 90],
  ])('refuses SBP %d below DBP %d, naming the diastolic', (systolicMmHg, diastolicMmHg) => {
    expect(checkReadingValues({ systolicMmHg, diastolicMmHg }, [])).toMatchObject({
      code: 'invalid_request',
      field: 'values.diastolicMmHg',
      params: { systolic: systolicMmHg, diastolic: diastolicMmHg },
    });
  });

  it('refuses a lone systolic (or diastolic), naming the missing half', () => {
    expect(checkReadingValues({ systolicMmHg: 120 }, [])).toMatchObject({ code: 'invalid_request', field: 'values.diastolicMmHg' });
    expect(checkReadingValues({ diastolicMmHg: 80 }, [])).toMatchObject({ code: 'invalid_request', field: 'values.systolicMmHg' });
  });

  it('refuses a MAP without the pressures it came from', () => {
    expect(checkReadingValues({ meanArterialMmHg: 90 }, [])).toMatchObject({ code: 'invalid_request', field: 'values.meanArterialMmHg' });
  });

  it('refuses a MAP outside DBP..SBP with the range, and accepts its ends', () => {
    const bp = { systolicMmHg: 120, diastolicMmHg: 80 };
    expect(checkReadingValues({ ...bp, meanArterialMmHg: 79 }, [])).toEqual({
      code: 'value_out_of_range',
      message: expect.any(String),
      field: 'values.meanArterialMmHg',
      params: { value: 79, min: 80, max: 120, unit: 'mmHg' },
    });
    expect(checkReadingValues({ ...bp, meanArterialMmHg: 121 }, [])).toMatchObject({ code: 'value_out_of_range', params: { min: 80, max: 120 } });
    expect(checkReadingValues({ ...bp, meanArterialMmHg: 80 }, [])).toBeNull();
    expect(checkReadingValues({ ...bp, meanArterialMmHg: 120 }, [])).toBeNull();
  });
});

describe('checkReadingValues: decimals', () => {
  it('refuses decimals on whole-number parameters', () => {
    expect(checkReadingValues({ heartRateBpm: 72.5 }, [])).toMatchObject({ code: 'invalid_request', field: 'values.heartRateBpm', params: { decimals: 0 } });
    expect(checkReadingValues({ moaasScore: 2.5 }, [])).toMatchObject({ field: 'values.moaasScore', params: { decimals: 0 } });
  });

  it('takes one decimal place of temperature and refuses two', () => {
    expect(checkReadingValues({ temperatureC: 36.7 }, [])).toBeNull();
    expect(checkReadingValues({ temperatureC: 36.75 }, [])).toMatchObject({ code: 'invalid_request', field: 'values.temperatureC', params: { decimals: 1 } });
  });

  it('accepts every one-decimal temperature in the plausible range (no floating-point surprises)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 340, max: 410 }), (tenths) => {
        expect(checkReadingValues({ temperatureC: tenths / 10 }, [])).toBeNull();
        expect(checkReadingValues({ temperatureC: Number((tenths / 10).toFixed(1)) }, [])).toBeNull();
      }),
    );
  });
});

describe('checkReadingValues properties', () => {
  const plausibleInteger = (key: VitalParameter) => fc.integer({ min: Math.ceil(VITAL_PARAMETERS[key].plausibleMin), max: Math.floor(VITAL_PARAMETERS[key].plausibleMax) });

  it('accepts any complete reading of plausible whole numbers with SBP above DBP', () => {
    fc.assert(
      fc.property(
        plausibleInteger('diastolicMmHg'),
        fc.integer({ min: 1, max: 100 }),
        plausibleInteger('heartRateBpm'),
        plausibleInteger('spo2Pct'),
        plausibleInteger('respiratoryRatePerMin'),
        plausibleInteger('moaasScore'),
        plausibleInteger('dissociationLevel'),
        (dbp, gap, hr, spo2, rr, moaas, dissociation) => {
          const sbp = Math.min(dbp + gap, VITAL_PARAMETERS.systolicMmHg.plausibleMax);
          fc.pre(sbp > dbp && sbp >= VITAL_PARAMETERS.systolicMmHg.plausibleMin);
          const values = { systolicMmHg: sbp, diastolicMmHg: dbp, heartRateBpm: hr, spo2Pct: spo2, respiratoryRatePerMin: rr, moaasScore: moaas, dissociationLevel: dissociation };
          expect(checkReadingValues(values, [])).toBeNull();
        },
      ),
    );
  });

  it('never accepts a value outside the hard limits, confirmed or not', () => {
    const key = fc.constantFrom(...VITAL_PARAMETER_KEYS.filter((k) => k !== 'systolicMmHg' && k !== 'diastolicMmHg' && k !== 'meanArterialMmHg'));
    fc.assert(
      fc.property(key, fc.boolean(), fc.integer({ min: 1, max: 1000 }), (parameter, below, distance) => {
        const spec = VITAL_PARAMETERS[parameter];
        const value = below ? spec.hardMin - distance : spec.hardMax + distance;
        expect(checkReadingValues({ [parameter]: value }, [parameter])).toMatchObject({ code: 'value_out_of_range', field: `values.${parameter}` });
      }),
    );
  });
});
