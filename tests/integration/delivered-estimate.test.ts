import { describe, expect, it } from 'vitest';
import { deliveredNow } from '../../shared/clinical/dose';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { infusingSession } from '../support/alert-fixtures';
import { useStaffedCore } from '../support/staffed-core';
import { callOk, MINUTE, type TestCore } from '../support/test-core';

let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

describe('the delivered estimate', () => {
  it('follows the pump rate, and stops at the ordered volume when the infusion is left running past its end', async () => {
    const { session } = await infusingSession(t, staff);
    const order = (await callOk(staff, 'session/get', { sessionId: session.id })).doseOrder;
    if (!order) throw new Error('the session has no dose order');
    t.clock.advance(10 * MINUTE);
    const early = (await callOk(staff, 'session/get', { sessionId: session.id })).delivered;
    expect(early?.volumeMl).toBeCloseTo((order.rateMlPerHour * 10) / 60, 1);

    // What a screen shows 15 min later from that figure, without a new one from main, is what main then answers; and the time it promises holds.
    t.clock.advance(15 * MINUTE);
    const carried = early && deliveredNow(early, order.concentrationMgPerMl, order.volumeMl, t.clock.now());
    const fresh = (await callOk(staff, 'session/get', { sessionId: session.id })).delivered;
    expect(carried).toMatchObject({ volumeMl: fresh?.volumeMl, doseMg: fresh?.doseMg });
    const promised = carried?.runsInAt ?? Number.NaN;
    t.clock.advance(promised - 1_000 - t.clock.now());
    expect((await callOk(staff, 'session/get', { sessionId: session.id })).delivered?.exactVolumeMl).toBeLessThan(order.volumeMl);
    t.clock.advance(1_000);
    expect((await callOk(staff, 'session/get', { sessionId: session.id })).delivered).toMatchObject({ volumeMl: order.volumeMl, doseMg: order.totalDoseMg });

    t.clock.advance(3 * 60 * MINUTE);
    const late = await callOk(staff, 'session/get', { sessionId: session.id });
    expect(late.delivered).toMatchObject({ volumeMl: order.volumeMl, doseMg: order.totalDoseMg, runningRateMlPerHour: order.rateMlPerHour });
  });
});
