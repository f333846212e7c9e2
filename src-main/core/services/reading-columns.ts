import type { VitalParameter } from '../../../shared/clinical/parameters';

/** Where each vital parameter is stored in the readings table. */
export const READING_COLUMNS: Readonly<Record<VitalParameter, string>> = {
  heartRateBpm: 'heart_rate_bpm',
  systolicMmHg: 'systolic_mmhg',
  diastolicMmHg: 'diastolic_mmhg',
  meanArterialMmHg: 'mean_arterial_mmhg',
  spo2Pct: 'spo2_pct',
  respiratoryRatePerMin: 'respiratory_rate_per_min',
  etco2MmHg: 'etco2_mmhg',
  temperatureC: 'temperature_c',
  moaasScore: 'moaas_score',
  dissociationLevel: 'dissociation_level',
};
