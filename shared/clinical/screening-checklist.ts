/**
 * The pre-infusion contraindication screen (CLINICAL.md section 1). Each item must be
 * answered yes or no; any "yes" blocks the start unless a physician overrides with a reason.
 */
export const CONTRAINDICATIONS = [
  'uncontrolledHypertension',
  'ischaemicHeartDisease',
  'heartFailure',
  'arrhythmia',
  'aneurysmalVascularDisease',
  'priorIntracerebralHaemorrhage',
  'activePsychosisOrMania',
  'activeSubstanceMisuse',
  'pregnancy',
  'severeHepaticImpairment',
  'raisedIntracranialOrIntraocularPressure',
] as const;
export type Contraindication = (typeof CONTRAINDICATIONS)[number];

/** Current medications that change the picture (sedation or blood pressure); recorded, not blocking. */
export const CO_MEDICATION_CLASSES = ['benzodiazepine', 'stimulant', 'maoi', 'antihypertensive', 'opioid', 'other'] as const;
export type CoMedicationClass = (typeof CO_MEDICATION_CLASSES)[number];

/** Values a baseline reading must carry before the infusion may start. */
export const BASELINE_REQUIRED_PARAMETERS = ['heartRateBpm', 'systolicMmHg', 'diastolicMmHg', 'spo2Pct'] as const;

/** Values a reading must carry to count as a scheduled vitals check. */
export const VITALS_CHECK_REQUIRED_PARAMETERS = ['heartRateBpm', 'systolicMmHg', 'diastolicMmHg'] as const;
