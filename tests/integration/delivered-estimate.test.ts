import { describe, expect, it } from 'vitest';
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

    t.clock.advance(3 * 60 * MINUTE);
    const late = await callOk(staff, 'session/get', { sessionId: session.id });
    expect(late.delivered).toEqual({ volumeMl: order.volumeMl, doseMg: order.totalDoseMg });
  });
});
