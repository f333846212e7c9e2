/**
 * Clinic-wide charting settings. Defaults here; a clinic can change them (they are data,
 * never literals in a component or service).
 */
export interface ClinicSettings {
  /** A reading recorded this long after it was observed is labelled a late entry. */
  lateEntryAfterMinutes: number;
  /** Clock skew tolerated for an observed time slightly in the future. */
  futureObservationToleranceSeconds: number;
  /** Patient weight accepted at registration. */
  patientWeightMinKg: number;
  patientWeightMaxKg: number;
  /** Oldest age accepted for a date of birth. */
  patientMaxAgeYears: number;
}

export const DEFAULT_CLINIC_SETTINGS: Readonly<ClinicSettings> = {
  lateEntryAfterMinutes: 10,
  futureObservationToleranceSeconds: 60,
  patientWeightMinKg: 20,
  patientWeightMaxKg: 350,
  patientMaxAgeYears: 120,
};
