import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALDRETE_ITEMS,
  ALDRETE_ITEM_IDS,
  AldreteResultSchema,
  AldreteScoreSchema,
  DEFAULT_DISCHARGE_CRITERIA,
  DISCHARGE_CRITERION_IDS,
  DischargeCriteriaSchema,
  DischargeReadinessInputSchema,
  DischargeReadinessSchema,
  dischargeReadiness,
  scoreAldrete,
  type AldreteItemId,
  type AldreteScore,
  type DischargeReadinessInput,
} from '../../../shared/clinical/aldrete';

const MIN = 60_000;
const ALL_TWO: AldreteScore = { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2 };
const C = DEFAULT_DISCHARGE_CRITERIA;

describe('ALDRETE_ITEMS (reference anchors as data)', () => {
  it('lists the five items once each, in schema order, with an anchor for 0, 1 and 2', () => {
    expect(ALDRETE_ITEMS.map((item) => item.id)).toEqual([...ALDRETE_ITEM_IDS]);
    expect(ALDRETE_ITEM_IDS).toEqual(['activity', 'respiration', 'circulation', 'consciousness', 'oxygenSaturation']);
    for (const item of ALDRETE_ITEMS) {
      expect(Object.keys(item.anchors).sort()).toEqual(['0', '1', '2']);
      for (const anchor of Object.values(item.anchors)) expect(anchor.length).toBeGreaterThan(3);
    }
  });

  it('uses the SpO2 item of the 1995 modification', () => {
    expect(ALDRETE_ITEMS.find((item) => item.id === 'oxygenSaturation')?.anchors[2]).toMatch(/92%.*room air/);
  });
});

describe('AldreteScoreSchema', () => {
  it.each(ALDRETE_ITEM_IDS)('accepts 0, 1 and 2 for %s and refuses -1, 3, 1.5, NaN and a missing value', (id: AldreteItemId) => {
    for (const score of [0, 1, 2]) expect(AldreteScoreSchema.safeParse({ ...ALL_TWO, [id]: score }).success).toBe(true);
    for (const score of [-1, 3, 1.5, Number.NaN]) {
      const result = AldreteScoreSchema.safeParse({ ...ALL_TWO, [id]: score });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([id]);
    }
    const missing = Object.fromEntries(Object.entries(ALL_TWO).filter(([key]) => key !== id));
    expect(AldreteScoreSchema.safeParse(missing).success).toBe(false);
  });

  it('refuses an unknown item rather than dropping it', () => {
    expect(AldreteScoreSchema.safeParse({ ...ALL_TWO, colour: 2 }).success).toBe(false);
  });
});

describe('scoreAldrete', () => {
  it('scores 10 for all twos and 0 for all zeros', () => {
    expect(scoreAldrete(ALL_TWO, C)).toEqual({ total: 10, meetsDischargeThreshold: true });
    expect(scoreAldrete({ activity: 0, respiration: 0, circulation: 0, consciousness: 0, oxygenSaturation: 0 }, C)).toEqual({ total: 0, meetsDischargeThreshold: false });
  });

  it('8 fails and 9 passes with the default minimum of 9', () => {
    expect(C.minimumAldreteScore).toBe(9);
    expect(scoreAldrete({ ...ALL_TWO, consciousness: 1, circulation: 1 }, C)).toEqual({ total: 8, meetsDischargeThreshold: false });
    expect(scoreAldrete({ ...ALL_TWO, consciousness: 1 }, C)).toEqual({ total: 9, meetsDischargeThreshold: true });
  });

  it('follows a clinic minimum it is given', () => {
    expect(scoreAldrete({ ...ALL_TWO, consciousness: 1 }, { minimumAldreteScore: 10 }).meetsDischargeThreshold).toBe(false);
    expect(scoreAldrete({ ...ALL_TWO, consciousness: 0 }, { minimumAldreteScore: 8 }).meetsDischargeThreshold).toBe(true);
  });

  it.each(ALDRETE_ITEM_IDS)('each point of %s counts once', (id) => {
    for (const score of [0, 1, 2]) expect(scoreAldrete({ ...ALL_TWO, [id]: score }, C).total).toBe(8 + score);
  });

  it('refuses an out-of-range item that slipped past the schema, naming it', () => {
    expect(() => scoreAldrete({ ...ALL_TWO, respiration: 3 }, C)).toThrow(/respiration/);
    expect(() => scoreAldrete({ ...ALL_TWO, activity: -1 }, C)).toThrow(RangeError);
    expect(() => scoreAldrete({ ...ALL_TWO, consciousness: 1.5 }, C)).toThrow(RangeError);
    expect(() => scoreAldrete({ ...ALL_TWO, oxygenSaturation: Number.NaN }, C)).toThrow(/oxygenSaturation/);
  });

  it('every valid assessment totals 0-10, the sum of its items, and passes exactly when total >= 9', () => {
    const item = fc.integer({ min: 0, max: 2 });
    fc.assert(
      fc.property(fc.record({ activity: item, respiration: item, circulation: item, consciousness: item, oxygenSaturation: item }), (items) => {
        const result = scoreAldrete(items, C);
        expect(AldreteResultSchema.parse(result)).toEqual(result);
        expect(result.total).toBe(Object.values(items).reduce((a, b) => a + b, 0));
        expect(result.meetsDischargeThreshold).toBe(result.total >= 9);
      }),
    );
  });

  it('the criteria schema keeps the minimum within 0-10', () => {
    expect(DischargeCriteriaSchema.parse(C)).toEqual(C);
    expect(DischargeCriteriaSchema.safeParse({ minimumAldreteScore: 11 }).success).toBe(false);
    expect(DischargeCriteriaSchema.safeParse({ minimumAldreteScore: 8.5 }).success).toBe(false);
  });
});

describe('dischargeReadiness', () => {
  const READY: DischargeReadinessInput = {
    aldrete: ALL_TWO,
    escortPresent: true,
    noDrivingInstructionGiven: true,
    recoveryElapsedMs: 60 * MIN,
    minimumRecoveryMinutes: 60,
  };

  it('is ready when every criterion is met, with the recovery time exactly at the minimum', () => {
    const result = dischargeReadiness(READY, C);
    expect(result).toEqual({ ready: true, unmet: [] });
    expect(DischargeReadinessSchema.parse(result)).toEqual(result);
    expect(DischargeReadinessInputSchema.parse(READY)).toEqual(READY);
  });

  it('names each unmet criterion on its own', () => {
    expect(dischargeReadiness({ ...READY, aldrete: { ...ALL_TWO, activity: 0 } }, C)).toEqual({ ready: false, unmet: ['aldrete'] });
    expect(dischargeReadiness({ ...READY, aldrete: null }, C)).toEqual({ ready: false, unmet: ['aldrete'] });
    expect(dischargeReadiness({ ...READY, escortPresent: false }, C)).toEqual({ ready: false, unmet: ['escort'] });
    expect(dischargeReadiness({ ...READY, noDrivingInstructionGiven: false }, C)).toEqual({ ready: false, unmet: ['noDrivingInstruction'] });
    expect(dischargeReadiness({ ...READY, recoveryElapsedMs: 60 * MIN - 1 }, C)).toEqual({ ready: false, unmet: ['minimumRecoveryTime'] });
  });

  it('names all of them at once, in a fixed order', () => {
    const nothing: DischargeReadinessInput = { aldrete: null, escortPresent: false, noDrivingInstructionGiven: false, recoveryElapsedMs: 0, minimumRecoveryMinutes: 120 };
    expect(dischargeReadiness(nothing, C)).toEqual({ ready: false, unmet: [...DISCHARGE_CRITERION_IDS] });
  });

  it('an Aldrete of 9 is enough and 8 is not', () => {
    expect(dischargeReadiness({ ...READY, aldrete: { ...ALL_TWO, circulation: 1 } }, C).ready).toBe(true);
    expect(dischargeReadiness({ ...READY, aldrete: { ...ALL_TWO, circulation: 0 } }, C).unmet).toEqual(['aldrete']);
  });

  it('a minimum of 0 minutes is met immediately', () => {
    expect(dischargeReadiness({ ...READY, recoveryElapsedMs: 0, minimumRecoveryMinutes: 0 }, C).ready).toBe(true);
  });

  it('refuses a meaningless recovery time instead of guessing', () => {
    expect(() => dischargeReadiness({ ...READY, recoveryElapsedMs: Number.NaN }, C)).toThrow(/recoveryElapsedMs/);
    expect(() => dischargeReadiness({ ...READY, recoveryElapsedMs: -1 }, C)).toThrow(RangeError);
    expect(() => dischargeReadiness({ ...READY, minimumRecoveryMinutes: Number.POSITIVE_INFINITY }, C)).toThrow(/minimumRecoveryMinutes.*min/);
  });

  it('ready exactly when nothing is unmet', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 300 * MIN }),
        fc.integer({ min: 0, max: 240 }),
        (consciousness, escortPresent, noDrivingInstructionGiven, recoveryElapsedMs, minimumRecoveryMinutes) => {
          const input = { aldrete: consciousness === null ? null : { ...ALL_TWO, consciousness }, escortPresent, noDrivingInstructionGiven, recoveryElapsedMs, minimumRecoveryMinutes };
          const result = dischargeReadiness(input, C);
          expect(result.ready).toBe(result.unmet.length === 0);
          expect(result.unmet.includes('escort')).toBe(!escortPresent);
          expect(result.unmet.includes('minimumRecoveryTime')).toBe(recoveryElapsedMs < minimumRecoveryMinutes * MIN);
        },
      ),
    );
  });
});
