import { describe, expect, it } from 'vitest';
import { dayOf, formatClockTimeOnDay, timeBeside, timeOnDay } from '../../../src-renderer/format/time';

describe('a clock time shown as part of now', () => {
  const today = dayOf(new Date(2026, 10, 30, 0, 5).getTime());

  it('is the clock time alone when it fell today', () => {
    expect(timeOnDay(new Date(2026, 10, 30, 0, 1).getTime(), today)).toEqual({ time: '00:01' });
  });

  it('carries its date, through the message variant for another day, when it fell yesterday', () => {
    expect(timeOnDay(new Date(2026, 10, 29, 23, 50).getTime(), today)).toEqual({ time: '23:50', date: '2026-11-29', context: 'otherDay' });
  });

  it('beside another time, is dated only when the two days differ', () => {
    const raised = new Date(2026, 10, 29, 23, 50).getTime();
    expect(timeBeside(new Date(2026, 10, 29, 23, 58).getTime(), raised)).toEqual({ time: '23:58' });
    expect(timeBeside(new Date(2026, 10, 30, 0, 10).getTime(), raised)).toEqual({ time: '00:10', date: '2026-11-30', context: 'otherDay' });
  });

  it('in a table, is the clock time today and the date and time on another day', () => {
    expect(formatClockTimeOnDay(new Date(2026, 10, 30, 0, 1).getTime(), today)).toBe('00:01');
    expect(formatClockTimeOnDay(new Date(2026, 10, 29, 23, 50).getTime(), today)).toBe('2026-11-29 23:50');
  });
});
