import { afterAll, beforeAll, expect } from 'vitest';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { useTempDirs } from './temp-dir';
import { holdTickerInterval, openTestCore, setUpAdmin, type TestCore } from './test-core';

/**
 * One real core on a fresh temp folder for a whole test file, with the first account
 * (admin + physician) signed in as `staff`; closed after the file, which must have logged
 * no error. The ticker's interval is held so the ManualClock alone moves time.
 */
export function useStaffedCore(assign: (opened: { t: TestCore; staff: CoreConnection }) => void): void {
  holdTickerInterval();
  const dirs = useTempDirs('all');
  let opened: TestCore | null = null;
  beforeAll(async () => {
    opened = openTestCore(dirs.make());
    const { connection } = await setUpAdmin(opened.core);
    assign({ t: opened, staff: connection });
  });
  afterAll(() => {
    opened?.core.close();
    expect(opened?.logger.errors()).toEqual([]);
  });
}
