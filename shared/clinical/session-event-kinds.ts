/** One-click side effects the nurse records during a session (CLINICAL.md section 3). */
export const SIDE_EFFECTS = ['nausea', 'vomiting', 'dizziness', 'anxietyOrDistress', 'hallucinations', 'headache', 'hypertensionTreated'] as const;
export type SideEffect = (typeof SIDE_EFFECTS)[number];

export const MEDICATION_UNITS = ['mg', 'mcg', 'g', 'mL', 'units'] as const;
export const MEDICATION_ROUTES = ['IV', 'IM', 'PO', 'SL', 'IN', 'SC', 'inhaled'] as const;
