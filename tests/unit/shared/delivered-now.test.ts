import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveredDose, deliveredNow, runningRateAt, type DeliveredSnapshot, type InfusionSegment } from '../../../shared/clinical/dose';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 30, 9, 0, 0);
const t = (minutes: number) => START + minutes * MIN;

/** What main sends at `asOf` for these segments (session-views). */
function snapshotOf(segments: InfusionSegment[], concentration: number, ordered: number, asOf: number): DeliveredSnapshot {
  const dose = deliveredDose(segments, concentration, asOf, undefined, ordered);
  return { volumeMl: dose.volumeMl, doseMg: dose.doseMg, exactVolumeMl: dose.exact.volumeMl, asOf, runningRateMlPerHour: runningRateAt(segments, asOf) };
}

describe('the delivered estimate carried forward between changes, and when the ordered volume runs in', () => {
  it('40 mL ordered at 60 mL/h from 09:00, last sent at 09:25: at 09:30 30 mL delivered, 10 mL to go, runs in at 09:40', () => {
    const segments = [{ fromAt: t(0), toAt: null, rateMlPerHour: 60 }];
    const now = deliveredNow(snapshotOf(segments, 40 / 40, 40, t(25)), 1, 40, t(30));
    expect(now).toMatchObject({ volumeMl: 30, doseMg: 30, remainingMl: 10, runsInAt: t(40) });
  });

  it('stops at the ordered volume (the pump stops there) and keeps the time it ran in', () => {
    const segments = [{ fromAt: t(0), toAt: null, rateMlPerHour: 60 }];
    const now = deliveredNow(snapshotOf(segments, 1, 40, t(35)), 1, 40, t(55));
    expect(now).toMatchObject({ volumeMl: 40, remainingMl: 0, runsInAt: t(40) });
  });

  it('paused: the figure stands still and no time is promised', () => {
    const segments = [{ fromAt: t(0), toAt: t(10), rateMlPerHour: 60 }];
    const snapshot = snapshotOf(segments, 1, 40, t(12));
    expect(snapshot.runningRateMlPerHour).toBe(0);
    expect(deliveredNow(snapshot, 1, 40, t(30))).toMatchObject({ volumeMl: 10, remainingMl: 30, runsInAt: null });
  });

  it('for any run of segments with the last one running: carried forward equals deliveredDose computed later', () => {
    const segment = fc.record({ minutes: fc.integer({ min: 1, max: 30 }), gap: fc.integer({ min: 0, max: 10 }), rate: fc.integer({ min: 0, max: 400 }) });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.integer({ min: 10, max: 200 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 120 }), (parts, ordered, sinceLast, later) => {
        const segments: InfusionSegment[] = [];
        let at = t(0);
        parts.forEach((part, index) => {
          const last = index === parts.length - 1;
          segments.push({ fromAt: at, toAt: last ? null : at + part.minutes * MIN, rateMlPerHour: part.rate });
          at += (part.minutes + part.gap) * MIN;
        });
        const lastStart = segments.at(-1)?.fromAt ?? t(0);
        const asOf = lastStart + sinceLast * MIN;
        const nowAt = asOf + later * MIN;
        const carried = deliveredNow(snapshotOf(segments, 2, ordered, asOf), 2, ordered, nowAt);
        const direct = deliveredDose(segments, 2, nowAt, undefined, ordered);
        expect(carried.exact.volumeMl).toBeCloseTo(direct.exact.volumeMl, 9);
        expect(carried.volumeMl).toBe(direct.volumeMl);
        expect(carried.doseMg).toBe(direct.doseMg);
        // The promised time (to the millisecond) is when deliveredDose reaches the ordered volume.
        if (carried.runsInAt !== null) expect(deliveredDose(segments, 2, carried.runsInAt, undefined, ordered).exact.volumeMl).toBeCloseTo(ordered, 3);
      }),
    );
  });
});
