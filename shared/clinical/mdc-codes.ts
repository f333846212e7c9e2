import type { VitalParameter } from './parameters';

/**
 * IEEE 11073 MDC observation codes a bedside monitor sends in IHE PCD-01 (HL7 v2 ORU^R01
 * OBX-3), mapped onto Vigil's parameters. Source: ../shared/CLINICAL.md section 7.
 * `rank` orders two codes for one parameter in one message: the lower rank wins (an ECG
 * heart rate is preferred to the oximeter's pulse rate; a non-invasive BP to a cuff pressure).
 */
export interface MdcObservationCode {
  parameter: VitalParameter;
  mnemonic: string;
  rank: number;
}

export const MDC_OBSERVATION_CODES: Readonly<Record<string, MdcObservationCode>> = {
  '150456': { parameter: 'spo2Pct', mnemonic: 'MDC_PULS_OXIM_SAT_O2', rank: 0 },
  '147842': { parameter: 'heartRateBpm', mnemonic: 'MDC_ECG_HEART_RATE', rank: 0 },
  '149530': { parameter: 'heartRateBpm', mnemonic: 'MDC_PULS_OXIM_PULS_RATE', rank: 1 },
  '150021': { parameter: 'systolicMmHg', mnemonic: 'MDC_PRESS_BLD_NONINV_SYS', rank: 0 },
  '150022': { parameter: 'diastolicMmHg', mnemonic: 'MDC_PRESS_BLD_NONINV_DIA', rank: 0 },
  '150023': { parameter: 'meanArterialMmHg', mnemonic: 'MDC_PRESS_BLD_NONINV_MEAN', rank: 0 },
  '150301': { parameter: 'systolicMmHg', mnemonic: 'MDC_PRESS_CUFF_SYS', rank: 1 },
  '150302': { parameter: 'diastolicMmHg', mnemonic: 'MDC_PRESS_CUFF_DIA', rank: 1 },
  '150303': { parameter: 'meanArterialMmHg', mnemonic: 'MDC_PRESS_CUFF_MEAN', rank: 1 },
  '151562': { parameter: 'respiratoryRatePerMin', mnemonic: 'MDC_RESP_RATE', rank: 0 },
  '150344': { parameter: 'temperatureC', mnemonic: 'MDC_TEMP', rank: 0 },
};

/** How a unit a monitor sends becomes the parameter's own unit: value * factor + offset. */
interface UnitConversion {
  factor: number;
  offset: number;
}

const SAME: UnitConversion = { factor: 1, offset: 0 };
/** 1 kPa = 7.50062 mmHg (101.325 kPa = 760 mmHg). */
const KPA_TO_MMHG: UnitConversion = { factor: 760 / 101.325, offset: 0 };
const FAHRENHEIT_TO_CELSIUS: UnitConversion = { factor: 5 / 9, offset: (-32 * 5) / 9 };

/**
 * Units accepted per parameter, by MDC unit code (OBX-6.1), MDC mnemonic (OBX-6.2) or UCUM
 * code; anything else is a wrong unit and the value is not used. MDC unit codes are
 * partition 4 (262144) + the term code; a decimal prefix adds its own offset (kilo = 3).
 */
const PRESSURE_UNITS: Readonly<Record<string, UnitConversion>> = {
  '266016': SAME,
  MDC_DIM_MMHG: SAME,
  'mm[Hg]': SAME,
  mmHg: SAME,
  '265987': KPA_TO_MMHG,
  MDC_DIM_KILO_PASCAL: KPA_TO_MMHG,
  kPa: KPA_TO_MMHG,
};
const RATE_UNITS: Readonly<Record<string, UnitConversion>> = {
  '264864': SAME,
  MDC_DIM_BEAT_PER_MIN: SAME,
  '/min': SAME,
  '{beat}/min': SAME,
  '{beats}/min': SAME,
  bpm: SAME,
};
const RESPIRATION_UNITS: Readonly<Record<string, UnitConversion>> = {
  '264928': SAME,
  MDC_DIM_RESP_PER_MIN: SAME,
  '/min': SAME,
  '{breaths}/min': SAME,
  '{resp}/min': SAME,
};

export const MDC_UNITS: Readonly<Partial<Record<VitalParameter, Readonly<Record<string, UnitConversion>>>>> = {
  spo2Pct: { '262688': SAME, MDC_DIM_PERCENT: SAME, '%': SAME },
  heartRateBpm: RATE_UNITS,
  systolicMmHg: PRESSURE_UNITS,
  diastolicMmHg: PRESSURE_UNITS,
  meanArterialMmHg: PRESSURE_UNITS,
  respiratoryRatePerMin: RESPIRATION_UNITS,
  temperatureC: {
    '268192': SAME,
    MDC_DIM_DEGC: SAME,
    Cel: SAME,
    '266560': FAHRENHEIT_TO_CELSIUS,
    MDC_DIM_FAHR: FAHRENHEIT_TO_CELSIUS,
    '[degF]': FAHRENHEIT_TO_CELSIUS,
  },
};

/**
 * The value in the parameter's own unit, or null when none of the unit's identifiers
 * (code, mnemonic, UCUM) is one Vigil knows for that parameter.
 */
export function convertMonitorUnit(parameter: VitalParameter, unitIdentifiers: readonly string[], value: number): number | null {
  const accepted = MDC_UNITS[parameter];
  if (!accepted) return null;
  for (const identifier of unitIdentifiers) {
    const conversion = Object.hasOwn(accepted, identifier) ? accepted[identifier] : undefined;
    if (conversion) return value * conversion.factor + conversion.offset;
  }
  return null;
}
