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

/**
 * One real core for a whole test file (or describe block), with the first account
 * (admin + physician) as `doctor` and a nurse account; closed after the file, which must
 * have logged no error.
 */
export function useDoctorAndNurse(
  nurseAccount: { username: string; displayName: string; pin: string },
  assign: (opened: { t: TestCore; doctor: CoreConnection; doctorUser: User; nurse: CoreConnection; nurseUser: User }) => void,
): void {
  holdTickerInterval();
  const dirs = useTempDirs('all');
  let opened: TestCore | null = null;
  beforeAll(async () => {
    opened = openTestCore(dirs.make());
    const doctor = await setUpAdmin(opened.core);
    const nurse = await addUser(opened.core, doctor.connection, nurseAccount, ['nurse']);
    assign({ t: opened, doctor: doctor.connection, doctorUser: doctor.user, nurse: nurse.connection, nurseUser: nurse.user });
  });
  afterAll(() => {
    opened?.core.close();
    expect(opened?.logger.errors()).toEqual([]);
  });
}

/**
 * A fresh core for every test, with the first account (admin + physician) as `doctor` and a
 * nurse account; each closed after its test, which must have logged no error.
 */
export function useDoctorAndNursePerTest(
  nurseAccount: { username: string; displayName: string; pin: string },
  assign: (opened: { t: TestCore; doctor: CoreConnection; doctorUser: User; nurse: CoreConnection; nurseUser: User }) => void,
): void {
  holdTickerInterval();
  const dirs = useTempDirs();
  let opened: TestCore | null = null;
  beforeEach(async () => {
    opened = openTestCore(dirs.make());
    const doctor = await setUpAdmin(opened.core);
    const nurse = await addUser(opened.core, doctor.connection, nurseAccount, ['nurse']);
    assign({ t: opened, doctor: doctor.connection, doctorUser: doctor.user, nurse: nurse.connection, nurseUser: nurse.user });
  });
  afterEach(() => {
    opened?.core.close();
    expect(opened?.logger.errors()).toEqual([]);
  });
}
