import type { ProtocolFields } from '../domain/protocol';

/**
 * The protocols a new clinic starts with: the examples in ../shared/CLINICAL.md section 2.
 * The clinic edits them in Vigil (each edit is a new version). Limits follow the ranges
 * seen in the sources: soft = the published range, hard = beyond which no override is taken.
 */
export const DEFAULT_PROTOCOLS: readonly ProtocolFields[] = [
  {
    name: 'Depression — standard',
    drug: 'Ketamine',
    orderKind: 'perKgTotal',
    dosePerKg: 0.5,
    durationMinutes: 40,
    concentrationMgPerMl: 1,
    infusionIntervalMinutes: 5,
    recoveryIntervalMinutes: 15,
    minimumRecoveryMinutes: 60,
    softMinPerKg: 0.1,
    softMaxPerKg: 0.75,
    hardMinPerKg: 0.05,
    hardMaxPerKg: 1,
  },
  {
    name: 'Chronic pain (CRPS) — per hour',
    drug: 'Ketamine',
    orderKind: 'perKgPerHour',
    dosePerKg: 0.35,
    durationMinutes: 240,
    concentrationMgPerMl: 1,
    infusionIntervalMinutes: 15,
    recoveryIntervalMinutes: 15,
    minimumRecoveryMinutes: 60,
    softMinPerKg: 0.1,
    softMaxPerKg: 0.5,
    hardMinPerKg: 0.05,
    hardMaxPerKg: 1,
  },
];
