import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callOk, openSession, openTestCore, readyToStart, setUpAdmin } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();

const LONG_FAMILY = 'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlge';
const LONG_GIVEN = 'Maximiliana Alexandrina Konstantina Bartholomea Josephina Wilhelmina';
const LONG_CLINIC = 'The Northern Regional Interventional Psychiatry and Ketamine-Assisted Therapy Infusion Centre';

describe("the report's page header with a long patient name and a long clinic name", () => {
  it('keeps the MRN, date of birth and session date whole on every page; the name gives way with "…", and the clinic name to the document\'s', async () => {
    const dir = dirs.make();
    const { core } = openTestCore(dir);
    const { connection } = await setUpAdmin(core);
    const { config } = await callOk(connection, 'clinic/getConfig', {});
    await callOk(connection, 'clinic/setConfig', { config: { ...config, clinic: { name: LONG_CLINIC } }, reason: 'Full registered name' });
    const { patient, session } = await openSession(connection, { patient: { familyName: LONG_FAMILY, givenName: LONG_GIVEN } });
    const baseline = await readyToStart(connection, session.id);
    // A long correction reason gives the report a second page.
    await callOk(connection, 'reading/correct', { readingId: baseline.id, values: { ...baseline.values, heartRateBpm: 71 }, reason: 'Cuff slipped during the reading. '.repeat(14).trim() });
    const file = await callOk(connection, 'export/session', { sessionId: session.id, format: 'pdf' });
    const path = join(dir, 'long.pdf');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const pages = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const identifiers = ` · MRN ${patient.mrn} · born ${patient.dateOfBirth} · session 2025-03-03`;
    for (const page of pages) {
      const header = page.split('\n').find((line) => line.endsWith(identifiers));
      expect(header, page.slice(0, 300)).toBeDefined();
      expect(header?.startsWith(`${LONG_FAMILY.slice(0, 20)}`)).toBe(true);
      expect(header).toContain(`…${identifiers}`);
      expect(page).toContain('Session report');
      expect(page).not.toContain(LONG_CLINIC);
      expect(page).toMatch(/The Northern Regional Interventional[^\n]*…/);
    }
    // The whole name is still on the report, wrapped, in the Session table.
    expect(pages[0]?.replace(/\s+/g, ' ')).toContain(`${LONG_GIVEN} ${LONG_FAMILY.slice(0, 40)}`);
    core.close();
  });
});
