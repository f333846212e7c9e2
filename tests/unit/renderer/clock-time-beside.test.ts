import { describe, expect, it } from 'vitest';
import { formatClockTimeBeside } from '../../../src-renderer/format/time';

describe('a clock time read beside another', () => {
  const raised = new Date(2026, 10, 30, 23, 50).getTime();

  it('is the clock time alone on the same day', () => {
    expect(formatClockTimeBeside(new Date(2026, 10, 30, 23, 58).getTime(), raised)).toBe('23:58');
  });

  it('carries its date past midnight, so an acknowledgement never reads as before its alert', () => {
    expect(formatClockTimeBeside(new Date(2026, 11, 1, 0, 10).getTime(), raised)).toBe('2026-12-01 00:10');
  });
});
