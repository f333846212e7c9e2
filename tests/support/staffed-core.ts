import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { User } from '../../shared/domain/user';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { useTempDirs } from './temp-dir';
import { addUser, holdTickerInterval, openTestCore, setUpAdmin, type TestCore } from './test-core';

/**
 * One real core on a fresh temp folder for a whole test file, with the first account
 * (admin + physician) signed in as `staff`; closed after the file, which must have logged
 * no error. The ticker's interval is held so the ManualClock alone moves time.
 */
export function useStaffedCore(assign: (opened: { t: TestCore; staff: CoreConnection; staffUser: User }) => void): void {
  holdTickerInterval();
  const dirs = useTempDirs('all');
  let opened: TestCore | null = null;
  beforeAll(async () => {
    opened = openTestCore(dirs.make());
    const { connection, user } = await setUpAdmin(opened.core);
    assign({ t: opened, staff: connection, staffUser: user });
  });
  afterAll(() => {
    opened?.core.close();
    expect(opened?.logger.errors()).toEqual([]);
  });
}

type NurseAccount = { username: string; displayName: string; pin: string };
type DoctorAndNurse = { t: TestCore; doctor: CoreConnection; doctorUser: User; nurse: CoreConnection; nurseUser: User };

/**
 * A real core on a fresh temp folder with the first account (admin + physician) as `doctor`
 * and a nurse account: one for the whole file (or describe block), or a fresh one for every
 * test; each closed after its file or test, which must have logged no error.
 */
function useDoctorAndNurseCore(scope: 'file' | 'test', nurseAccount: NurseAccount, assign: (opened: DoctorAndNurse) => void): void {
  holdTickerInterval();
  const dirs = scope === 'file' ? useTempDirs('all') : useTempDirs();
  let opened: TestCore | null = null;
  (scope === 'file' ? beforeAll : beforeEach)(async () => {
    opened = openTestCore(dirs.make());
    const doctor = await setUpAdmin(opened.core);
    const nurse = await addUser(opened.core, doctor.connection, nurseAccount, ['nurse']);
    assign({ t: opened, doctor: doctor.connection, doctorUser: doctor.user, nurse: nurse.connection, nurseUser: nurse.user });
  });
  (scope === 'file' ? afterAll : afterEach)(() => {
    opened?.core.close();
    expect(opened?.logger.errors()).toEqual([]);
  });
}

/** One doctor-and-nurse core for the whole file (or describe block). */
export const useDoctorAndNurse = (nurseAccount: NurseAccount, assign: (opened: DoctorAndNurse) => void) => useDoctorAndNurseCore('file', nurseAccount, assign);

/** A fresh doctor-and-nurse core for every test. */
export const useDoctorAndNursePerTest = (nurseAccount: NurseAccount, assign: (opened: DoctorAndNurse) => void) => useDoctorAndNurseCore('test', nurseAccount, assign);
