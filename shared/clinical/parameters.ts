/**
 * The vital-sign parameters Vigil charts, with their unit, codes and the input limits.
 * Values outside [hardMin, hardMax] are impossible (negative, SpO2 above 100, beyond any
 * recorded survival) and are refused; everything a patient in crisis can really show (a
 * heart rate of 0 in arrest, SpO2 of 30, a systolic of 0 or 300) lies inside them and is
 * accepted once the nurse confirms it, because values outside [plausibleMin, plausibleMax]
 * need that confirmation. Limits are in the parameter's own unit (see `unit`).
 * Units and codes: ../shared/CLINICAL.md sections 3 and 7.
 */
export const VITAL_PARAMETER_KEYS = [
  'heartRateBpm',
  'systolicMmHg',
  'diastolicMmHg',
  'meanArterialMmHg',
  'spo2Pct',
  'respiratoryRatePerMin',
  'etco2MmHg',
  'temperatureC',
  'moaasScore',
  'dissociationLevel',
] as const;

export type VitalParameter = (typeof VITAL_PARAMETER_KEYS)[number];

export interface VitalParameterSpec {
  /** Display unit (UCUM where one exists). */
  unit: string;
  /** Decimal places accepted and shown. */
  decimals: number;
  hardMin: number;
  hardMax: number;
  plausibleMin: number;
  plausibleMax: number;
  loinc?: string;
}

export const VITAL_PARAMETERS: Readonly<Record<VitalParameter, VitalParameterSpec>> = {
  heartRateBpm: { unit: '/min', decimals: 0, hardMin: 0, hardMax: 300, plausibleMin: 35, plausibleMax: 200, loinc: '8867-4' },
  systolicMmHg: { unit: 'mm[Hg]', decimals: 0, hardMin: 0, hardMax: 300, plausibleMin: 70, plausibleMax: 240, loinc: '8480-6' },
  diastolicMmHg: { unit: 'mm[Hg]', decimals: 0, hardMin: 0, hardMax: 250, plausibleMin: 35, plausibleMax: 140, loinc: '8462-4' },
  meanArterialMmHg: { unit: 'mm[Hg]', decimals: 0, hardMin: 0, hardMax: 300, plausibleMin: 50, plausibleMax: 180, loinc: '8478-0' },
  spo2Pct: { unit: '%', decimals: 0, hardMin: 0, hardMax: 100, plausibleMin: 80, plausibleMax: 100, loinc: '2708-6' },
  respiratoryRatePerMin: { unit: '/min', decimals: 0, hardMin: 0, hardMax: 80, plausibleMin: 5, plausibleMax: 45, loinc: '9279-1' },
  etco2MmHg: { unit: 'mm[Hg]', decimals: 0, hardMin: 0, hardMax: 150, plausibleMin: 15, plausibleMax: 70, loinc: '19889-5' },
  temperatureC: { unit: 'Cel', decimals: 1, hardMin: 10, hardMax: 47, plausibleMin: 34, plausibleMax: 41, loinc: '8310-5' },
  moaasScore: { unit: '{score}', decimals: 0, hardMin: 0, hardMax: 5, plausibleMin: 0, plausibleMax: 5 },
  dissociationLevel: { unit: '{score}', decimals: 0, hardMin: 0, hardMax: 4, plausibleMin: 0, plausibleMax: 4 },
};

/** Display unit for the UI; UCUM's `mm[Hg]` reads as mmHg, `Cel` as °C. */
export function displayUnit(parameter: VitalParameter): string {
  const unit = VITAL_PARAMETERS[parameter].unit;
  if (unit === 'mm[Hg]') return 'mmHg';
  if (unit === 'Cel') return '°C';
  if (unit === '{score}') return '';
  return unit;
}
