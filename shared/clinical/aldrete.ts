import { z } from 'zod';

/**
 * Modified Aldrete score (Aldrete 1995: SpO2 replaces the original colour item) and the
 * discharge criteria of CLINICAL.md section 1: score 9 or more of 10, responsible adult
 * present, no-driving instruction given, minimum recovery time elapsed.
 */

export const ALDRETE_ITEM_IDS = ['activity', 'respiration', 'circulation', 'consciousness', 'oxygenSaturation'] as const;
export type AldreteItemId = (typeof ALDRETE_ITEM_IDS)[number];

export const ALDRETE_ITEM_MAX_SCORE = 2;

export interface AldreteItem {
  id: AldreteItemId;
  /** English anchor for each score, for reference; the UI shows translated text. */
  anchors: Readonly<Record<0 | 1 | 2, string>>;
}

/**
 * Some sources state circulation in mmHg (within 20 / 20-50 / 50 or more mmHg of the
 * pre-sedation level) rather than percent; the percent form is Aldrete's own.
 */
export const ALDRETE_ITEMS: readonly AldreteItem[] = [
  {
    id: 'activity',
    anchors: {
      2: 'Able to move four extremities voluntarily or on command',
      1: 'Able to move two extremities voluntarily or on command',
      0: 'Unable to move extremities voluntarily or on command',
    },
  },
  {
    id: 'respiration',
    anchors: { 2: 'Able to breathe deeply and cough freely', 1: 'Dyspnoea, shallow or limited breathing', 0: 'Apnoeic' },
  },
  {
    id: 'circulation',
    anchors: {
      2: 'Blood pressure within 20% of the pre-sedation level',
      1: 'Blood pressure 20-49% from the pre-sedation level',
      0: 'Blood pressure 50% or more from the pre-sedation level',
    },
  },
  {
    id: 'consciousness',
    anchors: { 2: 'Fully awake', 1: 'Arousable on calling', 0: 'Not responding' },
  },
  {
    id: 'oxygenSaturation',
    anchors: {
      2: 'Able to maintain SpO2 above 92% on room air',
      1: 'Needs supplemental oxygen to maintain SpO2 above 90%',
      0: 'SpO2 below 90% even with supplemental oxygen',
    },
  },
];

const itemScore = z.number().int().min(0).max(ALDRETE_ITEM_MAX_SCORE);

export const AldreteScoreSchema = z.strictObject({
  activity: itemScore,
  respiration: itemScore,
  circulation: itemScore,
  consciousness: itemScore,
  oxygenSaturation: itemScore,
});
export type AldreteScore = z.infer<typeof AldreteScoreSchema>;

export const DischargeCriteriaSchema = z.object({
  minimumAldreteScore: z.number().int().min(0).max(ALDRETE_ITEM_IDS.length * ALDRETE_ITEM_MAX_SCORE),
});
export type DischargeCriteria = z.infer<typeof DischargeCriteriaSchema>;

/** Clinic default: CLINICAL.md section 1, "modified Aldrete score 9 or more out of 10". */
export const DEFAULT_DISCHARGE_CRITERIA: Readonly<DischargeCriteria> = { minimumAldreteScore: 9 };

export const AldreteResultSchema = z.object({
  total: z.number().int().min(0).max(10),
  meetsDischargeThreshold: z.boolean(),
});
export type AldreteResult = z.infer<typeof AldreteResultSchema>;

/** Sums the five items (0-10). Throws a RangeError naming the item if one is not an integer 0-2. */
export function scoreAldrete(items: AldreteScore, criteria: DischargeCriteria): AldreteResult {
  let total = 0;
  for (const id of ALDRETE_ITEM_IDS) {
    const score = items[id];
    if (!Number.isInteger(score) || score < 0 || score > ALDRETE_ITEM_MAX_SCORE) {
      throw new RangeError(`Aldrete ${id} must be an integer 0-${ALDRETE_ITEM_MAX_SCORE}, got ${String(score)}`);
    }
    total += score;
  }
  return { total, meetsDischargeThreshold: total >= criteria.minimumAldreteScore };
}

export const DISCHARGE_CRITERION_IDS = ['aldrete', 'escort', 'noDrivingInstruction', 'minimumRecoveryTime'] as const;
export const DischargeCriterionSchema = z.enum(DISCHARGE_CRITERION_IDS);
export type DischargeCriterion = z.infer<typeof DischargeCriterionSchema>;

export const DischargeReadinessInputSchema = z.object({
  /** The latest Aldrete assessment; null when none has been made (an unmet criterion). */
  aldrete: AldreteScoreSchema.nullable(),
  escortPresent: z.boolean(),
  noDrivingInstructionGiven: z.boolean(),
  recoveryElapsedMs: z.number().finite().nonnegative(),
  minimumRecoveryMinutes: z.number().finite().nonnegative(),
});
export type DischargeReadinessInput = z.infer<typeof DischargeReadinessInputSchema>;

export const DischargeReadinessSchema = z.object({
  ready: z.boolean(),
  /** Every unmet criterion, in DISCHARGE_CRITERION_IDS order, so each can be named. */
  unmet: z.array(DischargeCriterionSchema),
});
export type DischargeReadiness = z.infer<typeof DischargeReadinessSchema>;

/**
 * Whether the patient may be discharged, naming every unmet criterion. Recovery time that
 * equals the minimum is enough.
 */
export function dischargeReadiness(input: DischargeReadinessInput, criteria: DischargeCriteria): DischargeReadiness {
  const { recoveryElapsedMs, minimumRecoveryMinutes } = input;
  if (!Number.isFinite(recoveryElapsedMs) || recoveryElapsedMs < 0) {
    throw new RangeError(`recoveryElapsedMs must be a finite number of 0 ms or more, got ${String(recoveryElapsedMs)}`);
  }
  if (!Number.isFinite(minimumRecoveryMinutes) || minimumRecoveryMinutes < 0) {
    throw new RangeError(`minimumRecoveryMinutes must be a finite number of 0 min or more, got ${String(minimumRecoveryMinutes)}`);
  }
  const met: Record<DischargeCriterion, boolean> = {
    aldrete: input.aldrete !== null && scoreAldrete(input.aldrete, criteria).meetsDischargeThreshold,
    escort: input.escortPresent,
    noDrivingInstruction: input.noDrivingInstructionGiven,
    minimumRecoveryTime: recoveryElapsedMs >= minimumRecoveryMinutes * 60_000,
  };
  const unmet = DISCHARGE_CRITERION_IDS.filter((id) => !met[id]);
  return { ready: unmet.length === 0, unmet };
}
