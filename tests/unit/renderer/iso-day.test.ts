import { describe, expect, it } from 'vitest';
import { isIsoDay } from '../../../src-renderer/format/time';

describe('a day typed as yyyy-mm-dd', () => {
  it('is a day that exists, written four-two-two', () => {
    expect(isIsoDay('2026-11-23')).toBe(true);
    expect(isIsoDay('2028-02-29')).toBe(true);
  });

  it('is not another format, a partial day or a day that does not exist', () => {
    for (const text of ['11/23/2026', '23/11/2026', '2026-1-5', '2026-11-2', '2026-11-23 ', '2026-02-30', '2026-13-01', '2027-02-29', '']) expect(isIsoDay(text), text).toBe(false);
  });
});
