import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../src-renderer/screens/audit/audit-csv';

const entry = {
  seq: 7,
  at: Date.UTC(2025, 2, 3, 9, 0, 0),
  actorUserId: 2,
  actor: 'nina.nurse',
  channel: 'reading/add',
  kind: 'write' as const,
  outcome: 'ok',
  detail: '{"sessionId":1,"note":"said \\"ouch\\""}',
  rows: 2,
  hash: 'ab'.repeat(32),
};

describe('auditCsv', () => {
  it('writes a header and one quoted row per entry, times in UTC', () => {
    const lines = auditCsv([entry]).split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,actorUserId,channel,kind,outcome,rows,detail,hash');
    expect(lines[1]).toContain('"2025-03-03T09:00:00.000Z"');
    expect(lines[1]).toContain('"{""sessionId"":1,""note"":""said \\""ouch\\""""}"');
  });

  it('defuses a value a spreadsheet would run as a formula', () => {
    const csv = auditCsv([{ ...entry, actor: '=HYPERLINK("http://x")' }]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
