/** What must be in place before the infusion may start; each is named to the nurse when missing. */
export const START_BLOCKERS = ['protocol', 'doseOrder', 'screening', 'consent', 'escort', 'contraindication', 'baselineVitals'] as const;
export type StartBlocker = (typeof START_BLOCKERS)[number];
