import { describe, expect, it } from 'vitest';
import { formatHl7Time, parseHl7Time } from '../../../../src-main/core/monitor/hl7-time';

describe('HL7 v2 timestamps', () => {
  it('reads minute, second and fractional precision with an offset', () => {
    expect(parseHl7Time('202611291015+0100')).toBe(Date.parse('2026-11-29T09:15:00Z'));
    expect(parseHl7Time('20261129101530-0530')).toBe(Date.parse('2026-11-29T15:45:30Z'));
    expect(parseHl7Time('20261129101530.25+0000')).toBe(Date.parse('2026-11-29T10:15:30.250Z'));
  });

  it('reads a time without an offset as the workstation local time', () => {
    expect(parseHl7Time('20261129101530')).toBe(new Date(2026, 10, 29, 10, 15, 30).getTime());
  });

  it('refuses what is not a time to the minute', () => {
    for (const bad of ['', '20261129', '2026112910', 'yesterday', '20261331101500', '20260231101500', '20261129246000', '20261129101530+01']) {
      expect(parseHl7Time(bad), bad).toBeNull();
    }
  });

  it('writes UTC with its offset, and reads it back', () => {
    const at = Date.parse('2026-11-29T18:51:10.123Z');
    expect(formatHl7Time(at)).toBe('20261129185110.123+0000');
    expect(parseHl7Time(formatHl7Time(at))).toBe(at);
  });
});
