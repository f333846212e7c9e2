import { describe, expect, it } from 'vitest';
import { compareChairs } from '../../shared/domain/chair-order';
import { useStaffedCore } from '../support/staffed-core';
import { callOk, findProtocol, newPatient, type TestCore } from '../support/test-core';
import type { CoreConnection } from '../../src-main/core/vigil-core';

describe('chair order', () => {
  let staff: CoreConnection;
  useStaffedCore((opened: { t: TestCore; staff: CoreConnection }) => {
    staff = opened.staff;
  });

  it('counts chairs as a clinic does: Chair 2 before Chair 10, case ignored', () => {
    expect(['Chair 10', 'chair 2', 'Chair 1', 'Bay B', 'Bay a'].sort(compareChairs)).toEqual(['Bay a', 'Bay B', 'Chair 1', 'chair 2', 'Chair 10']);
  });

  it('lists open sessions in chair order, whatever order they were opened in', async () => {
    const protocol = await findProtocol(staff);
    for (const [index, chair] of ['Chair 10', 'Chair 2', 'chair 1', 'Chair 9'].entries()) {
      const patient = await callOk(staff, 'patient/create', newPatient({ mrn: `CHAIR-${index}` }));
      await callOk(staff, 'session/create', { patientId: patient.id, chair, protocolId: protocol.id });
    }
    const open = await callOk(staff, 'session/list', { scope: 'open' });
    // 'chair 1' was typed; the session takes the registry's spelling.
    expect(open.map((row) => row.session.chair)).toEqual(['Chair 1', 'Chair 2', 'Chair 9', 'Chair 10']);
  });
});
