import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract/channels';
import type { SessionRecord } from '../../shared/domain/reports';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { CSV_HEADER, CSV_VALUE_COLUMNS } from '../../src-main/core/reports/session-csv';
import { REPORT_FONT_FILES } from '../../src-main/core/reports/pdf/fonts';
import { makePdf } from '../../src-main/core/reports/pdf-jobs';
import { createPdfMaker } from '../../src-main/core/reports/pdf-maker';
import { isoWithOffset, localTime } from '../../src-main/core/reports/report-time';
import { validateWithFhirJs, validateWithMedplum } from '../support/fhir-validators';
import { seedFinishedSession, type Caller, type SeededSession } from '../support/seeded-session';
import { addUser, callErr, callOk, holdTickerInterval, NURSE, openSession, openTestCore, setUpAdmin, type TestCore } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

holdTickerInterval();
const dirs = useTempDirs('all');
const STAFF = { username: 'sam.staff', displayName: 'Sam Records', pin: '975310' };

let t: TestCore;
let staff: CoreConnection;
let nurse: CoreConnection;
let admin: CoreConnection;
let seeded: SeededSession;
let second: SeededSession;
let abortedId: number;
let openId: number;
let record: SessionRecord;

const caller = (connection: CoreConnection): Caller => (<C extends ChannelName>(channel: C, request: RequestOf<C>) => callOk(connection, channel, request)) as Caller;
const exported = async (sessionId: number, format: RequestOf<'export/session'>['format']) => callOk(staff, 'export/session', { sessionId, format });
const bytesOf = (file: ResponseOf<'export/session'>) => Buffer.from(file.base64, 'base64');

/** The PDF's text in drawing order (pdftotext -raw): each table cell's lines stay together. */
function pdfText(file: ResponseOf<'export/session'>, name: string): string {
  const path = join(t.dataDir, name);
  writeFileSync(path, bytesOf(file));
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  t = openTestCore(dirs.make());
  ({ connection: admin } = await setUpAdmin(t.core));
  ({ connection: nurse } = await addUser(t.core, admin, NURSE, ['nurse']));
  ({ connection: staff } = await addUser(t.core, admin, STAFF, ['staff']));
  const actors = {
    nurse: caller(nurse),
    physician: caller(admin),
    nursePin: NURSE.pin,
    clockTo: async (at: number) => {
      t.clock.advance(at - t.clock.now());
      t.core.services.monitoring.sweep(t.clock.now());
    },
    now: () => t.clock.now(),
  };
  seeded = await seedFinishedSession(actors, { mrn: 'MRN-70001' });
  second = await seedFinishedSession(actors, { mrn: 'MRN-70002', familyName: 'Lindqvist', givenName: 'Astrid', chair: 'Chair 3' });
  const aborted = await openSession(nurse, { patient: { mrn: 'MRN-70003' } });
  await callOk(nurse, 'session/transition', { sessionId: aborted.session.id, action: 'abort', reason: 'Patient declined the infusion' });
  abortedId = aborted.session.id;
  openId = (await openSession(nurse, { patient: { mrn: 'MRN-70004' } })).session.id;
  record = await callOk(staff, 'record/get', { sessionId: seeded.sessionId });
});
afterAll(() => {
  t.core.close();
  expect(t.logger.errors()).toEqual([]);
});

describe('who may open records and export', () => {
  it('staff open a closed record, and nothing else: no charting, no session screen, no open session', async () => {
    expect(record.session.phase).toBe('closed');
    expect(await callErr(staff, 'reading/add', { sessionId: openId, values: { heartRateBpm: 70 } })).toMatchObject({ code: 'forbidden' });
    expect(await callErr(staff, 'session/get', { sessionId: openId })).toMatchObject({ code: 'forbidden' });
    expect(await callErr(staff, 'patient/list', {})).toMatchObject({ code: 'forbidden' });
    expect(await callErr(staff, 'record/get', { sessionId: openId })).toMatchObject({ code: 'forbidden', field: 'sessionId', reason: 'session_open' });
    expect(await callErr(staff, 'export/session', { sessionId: openId, format: 'pdf' })).toMatchObject({ code: 'forbidden', reason: 'session_open' });
  });

  it('nurses export too (an open session included); an administrator without a clinical role sees no patient data', async () => {
    expect((await callOk(nurse, 'export/session', { sessionId: openId, format: 'csv' })).mediaType).toBe('text/csv');
    const adminOnly = (await addUser(t.core, admin, { username: 'ivy.admin', displayName: 'Ivy Admin', pin: '864200' }, ['admin'])).connection;
    expect(await callErr(adminOnly, 'export/session', { sessionId: seeded.sessionId, format: 'pdf' })).toMatchObject({ code: 'forbidden' });
    expect(await callErr(adminOnly, 'record/list', {})).toMatchObject({ code: 'forbidden' });
  });

  it('refuses a bad request by field: an unknown format, a range that ends before it starts, a made-up date', async () => {
    expect(await callErr(staff, 'export/session', { sessionId: seeded.sessionId, format: 'docx' })).toMatchObject({ code: 'invalid_request', field: 'format' });
    expect(await callErr(staff, 'export/clinic', { from: '2025-03-04', to: '2025-03-01', format: 'pdf' })).toMatchObject({ code: 'invalid_request', field: 'to' });
    expect(await callErr(staff, 'export/clinic', { from: '2025-02-30', to: '2025-03-01', format: 'csv' })).toMatchObject({ code: 'invalid_request', field: 'from' });
    expect(await callErr(staff, 'export/session', { sessionId: 99_999, format: 'pdf' })).toMatchObject({ code: 'not_found' });
  });

  it('lists finished sessions newest first, by date and by patient', async () => {
    const all = await callOk(staff, 'record/list', {});
    expect(all.map((r) => r.sessionId)).toEqual([abortedId, second.sessionId, seeded.sessionId]);
    expect((await callOk(staff, 'record/list', { search: 'lindq' })).map((r) => r.sessionId)).toEqual([second.sessionId]);
    expect(await callOk(staff, 'record/list', { from: '2025-03-04' })).toEqual([]);
  });
});

describe('the session report (PDF)', () => {
  let text: string;
  beforeAll(async () => {
    const file = await exported(seeded.sessionId, 'pdf');
    expect(file).toMatchObject({ mediaType: 'application/pdf', fileName: `vigil-session-${seeded.sessionId}-MRN-70001-2025-03-03.pdf` });
    text = pdfText(file, 'session.pdf');
  });

  it('holds the patient, the dose and the signature, with the header and "n of m" on every page', () => {
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('Vigil Infusion Clinic');
      expect(page).toContain('Okafor, Chidi · MRN MRN-70001 · born 1980-05-17 · session 2025-03-03');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(text).toContain('0.5 mg/kg × 80 kg = 40 mg');
    expect(text).toMatch(/40 mL at 1 mg\/mL; 60 mL\/h over 40 min/);
    expect(text).toContain("the protocol's standing order");
    expect(text).toContain('Lorazepam (benzodiazepine)');
    expect(text).toContain(`Signed and closed by ${NURSE.displayName} (${NURSE.username})`);
    expect(text).toContain(`Override (minimum recovery time) by Dr Ada Admin`);
    expect(text).toContain('Escort must leave');
  });

  it('prints, at the signature, the audit entry that recorded it and the chain head when it was made', () => {
    const flat = text.replace(/\s+/g, ' ');
    const db = t.core.services.db;
    const signed = db
      .prepare<[number], { seq: number; hash: string }>(
        `SELECT a.seq, a.hash FROM signatures g JOIN audit_rows r ON r.tbl = 'signatures' AND r.rid = g.id JOIN audit_log a ON a.seq = r.seq WHERE g.session_id = ?`,
      )
      .get(seeded.sessionId);
    expect(signed?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(flat).toContain(`Audit trail: the signature is entry ${signed?.seq}, hash ${signed?.hash}.`);
    const head = /Audit chain head when this report was made: entry (\d+), hash ([0-9a-f]{64})\./.exec(flat);
    expect(Number(head?.[1])).toBeGreaterThan(signed?.seq ?? 0);
    // The printed head is an entry of this file, unchanged (what an auditor checks later).
    expect(db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(Number(head?.[1]))?.hash).toBe(head?.[2]);
  });

  it('is laid out the same on the bundled worker thread as on this one, and the worker can be replaced after it is closed', async () => {
    const dir = join(t.dataDir, 'worker');
    mkdirSync(join(dir, 'fonts'), { recursive: true });
    await build({ entryPoints: { 'pdf-worker': 'src-main/core/reports/pdf-worker.ts' }, bundle: true, platform: 'node', target: 'node20', format: 'cjs', outdir: dir, outExtension: { '.js': '.cjs' }, logLevel: 'silent' });
    for (const font of Object.values(REPORT_FONT_FILES)) copyFileSync(join('node_modules', 'dejavu-fonts-ttf', 'ttf', font), join(dir, 'fonts', font));
    const maker = createPdfMaker(join(dir, 'pdf-worker.cjs'), t.logger);
    expect(maker.where).toBe('worker');
    try {
      const fromWorker = await maker.make({ kind: 'session', record });
      const inline = await makePdf({ kind: 'session', record });
      const asFile = (bytes: Uint8Array) => ({ fileName: 'x.pdf', mediaType: 'application/pdf' as const, base64: Buffer.from(bytes).toString('base64') });
      expect(pdfText(asFile(fromWorker), 'worker.pdf')).toBe(pdfText(asFile(inline), 'inline.pdf'));
      expect(createPdfMaker(join(dir, 'missing.cjs'), t.logger).where).toBe('inline');
    } finally {
      maker.close();
    }
    await expect(maker.make({ kind: 'session', record })).resolves.toBeInstanceOf(Uint8Array);
    maker.close();
  });

  it('prints the clinic name the clinic configuration holds when the report is made', async () => {
    const view = await callOk(admin, 'clinic/getConfig', {});
    await callOk(admin, 'clinic/setConfig', { config: { ...view.config, clinic: { name: 'Harbour Ketamine Clinic' } }, reason: 'Our name on the reports' });
    try {
      const renamed = pdfText(await exported(seeded.sessionId, 'pdf'), 'renamed.pdf');
      expect(renamed.split('\f').filter((page) => page.trim() !== '').every((page) => page.includes('Harbour Ketamine Clinic'))).toBe(true);
      expect(renamed).not.toContain('Vigil Infusion Clinic');
    } finally {
      await callOk(admin, 'clinic/setConfig', { config: view.config, reason: 'Back to the default name' });
    }
  });

  it("holds every reading's values, the correction with what it replaced, the artifact and the late entry", () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const reading of record.readings) {
      const v = reading.values;
      const row = new RegExp(`\\b${reading.id} ${localTime(reading.observedAt)} ${v.heartRateBpm} ${v.systolicMmHg}/${v.diastolicMmHg}\\b`);
      expect(flat, `reading ${reading.id}`).toMatch(row);
    }
    expect(flat).toContain(`CORRECTED: ${seeded.corrected.reason} (was #${seeded.corrected.original.id} 168/88`);
    expect(flat).toContain(`Replaced by #${seeded.corrected.correction.id}`);
    expect(flat).toContain(`ARTIFACT (${NURSE.displayName}): ${seeded.artifact.reason}`);
    expect(flat).toContain(`Late entry, recorded ${localTime(seeded.late.recordedAt)}`);
  });

  it('holds every alert with its priority in words and symbols and its acknowledgement note', () => {
    const flat = text.replace(/\s+/g, ' ');
    expect(record.alerts.length).toBeGreaterThanOrEqual(3);
    expect(flat).toContain('!!! HIGH');
    for (const alert of record.alerts) expect(flat).toContain(`${localTime(alert.raisedAt)}`);
    for (const { note } of seeded.acknowledgements) expect(flat).toContain(note);
    expect(flat).toContain('Systolic BP 186 mmHg above 180');
    expect(flat).toContain('ended: the reading was corrected');
  });
});

describe('the monitoring summary (REMS-style PDF)', () => {
  it('is pre-filled, complete and signed for the seeded session', async () => {
    const text = pdfText(await exported(seeded.sessionId, 'rems'), 'rems.pdf').replace(/\s+/g, ' ');
    expect(text).toContain('[x] First treatment session * Yes');
    expect(text).toContain('[x] Sedating or BP-altering co-medication * Lorazepam (benzodiazepine)');
    expect(text).toMatch(/\[x\] BP before dosing \* 124\/78 mmHg/);
    expect(text).toContain('[x] Sedation observed * Yes (lowest MOAA/S 4)');
    expect(text).toContain('COMPLETE');
    expect(text).not.toContain('INCOMPLETE');
    expect(text).toContain(`Signed by ${NURSE.displayName}`);
  });

  it('names the missing required fields of an aborted session and is not complete', async () => {
    const text = pdfText(await exported(abortedId, 'rems'), 'rems-aborted.pdf').replace(/\s+/g, ' ');
    expect(text).toContain('INCOMPLETE: missing');
    expect(text).toContain('[ ] BP about 40 minutes after dosing *');
  });
});

describe('the readings CSV', () => {
  it('parses back to the stored values, row for row, with units in the headers and times with their offset', async () => {
    const file = await exported(seeded.sessionId, 'csv');
    const rows = parse(bytesOf(file).toString('utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_HEADER]);
    expect(CSV_HEADER).toContain('Systolic BP (mmHg)');
    const standing = record.readings.filter((r) => r.supersededById === null);
    expect(rows).toHaveLength(standing.length);
    standing.forEach((reading, i) => {
      const row = rows[i] ?? {};
      expect(row.Reading).toBe(String(reading.id));
      expect(row['Observed at']).toBe(isoWithOffset(reading.observedAt));
      expect(row['Observed at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      for (const column of CSV_VALUE_COLUMNS) expect(row[column.header], `${reading.id} ${column.key}`).toBe(String(reading.values[column.key] ?? ''));
    });
    const byId = new Map(rows.map((row) => [row.Reading, row]));
    expect(byId.get(String(seeded.corrected.correction.id))).toMatchObject({ Status: 'corrected', 'Replaces reading': String(seeded.corrected.original.id), 'Correction reason': seeded.corrected.reason });
    expect(byId.has(String(seeded.corrected.original.id))).toBe(false);
    expect(byId.get(String(seeded.artifact.reading.id))).toMatchObject({ Status: 'artifact', 'Artifact reason': seeded.artifact.reason });
    expect(byId.get(String(seeded.late.id))).toMatchObject({ 'Late entry': 'yes' });
  });
});

describe('the FHIR R4 bundle', () => {
  it('of seeded sessions (closed and aborted) passes FHIR.js and Medplum', async () => {
    for (const sessionId of [seeded.sessionId, abortedId]) {
      const bundle = JSON.parse(bytesOf(await exported(sessionId, 'fhir')).toString('utf8')) as Record<string, unknown>;
      expect(validateWithFhirJs(bundle), `FHIR.js, session ${sessionId}`).toEqual([]);
      expect(validateWithMedplum(bundle), `Medplum, session ${sessionId}`).toEqual([]);
    }
  });

  it('exports readings as they stand (amended, entered-in-error), BP as the 85354-9 panel, and names subject, time and performer', async () => {
    const bundle = JSON.parse(bytesOf(await exported(seeded.sessionId, 'fhir')).toString('utf8')) as { type: string; entry: { resource: Record<string, unknown> }[] };
    expect(bundle.type).toBe('collection');
    const resources = bundle.entry.map((e) => e.resource);
    const byId = new Map(resources.map((r) => [r.id, r]));
    expect(byId.get(`reading-${seeded.corrected.correction.id}-bp`)).toMatchObject({
      status: 'amended',
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      component: [
        { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 138, code: 'mm[Hg]', system: 'http://unitsofmeasure.org' } },
        { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 88, code: 'mm[Hg]' } },
      ],
    });
    expect(byId.has(`reading-${seeded.corrected.original.id}-bp`)).toBe(false);
    expect(byId.get(`reading-${seeded.artifact.reading.id}-oxygensat`)).toMatchObject({ status: 'entered-in-error', valueQuantity: { value: 84, code: '%' } });
    expect(resources.filter((r) => r.resourceType === 'DetectedIssue')).toHaveLength(record.alerts.length);
    expect(resources.find((r) => r.resourceType === 'MedicationAdministration')).toMatchObject({ status: 'completed', dosage: { dose: { code: 'mg' } } });
    for (const r of resources.filter((r) => r.resourceType === 'Observation')) {
      expect(r.subject).toEqual({ reference: `Patient/patient-${record.patient.id}` });
      expect(typeof r.effectiveDateTime).toBe('string');
      expect((r.performer as unknown[]).length).toBe(1);
    }
    const codes = new Set(resources.flatMap((r) => ((r.code as { coding?: { code: string }[] } | undefined)?.coding ?? []).map((c) => c.code)));
    for (const code of ['8867-4', '9279-1', '2708-6', '85354-9', 'moaas', 'dissociation-level', 'news2']) expect(codes).toContain(code);
  });

  it('a bundle with a wrong LOINC code, or an Observation without a status, fails both validators', async () => {
    const good = JSON.parse(bytesOf(await exported(seeded.sessionId, 'fhir')).toString('utf8')) as { entry: { resource: Record<string, unknown> }[] };
    const heartRate = (bundle: typeof good) => bundle.entry.find((e) => String(e.resource.id).endsWith('-heartrate'))?.resource as { code: { coding: { code: string }[] }; status?: string };
    const wrongCode = structuredClone(good);
    heartRate(wrongCode).code.coding[0] = { ...heartRate(wrongCode).code.coding[0], code: '8867-5' };
    const noStatus = structuredClone(good);
    delete heartRate(noStatus).status;
    for (const broken of [wrongCode, noStatus]) {
      expect(validateWithFhirJs(broken)).not.toEqual([]);
      expect(validateWithMedplum(broken)).not.toEqual([]);
    }
  });
});

describe('the clinic report', () => {
  it('counts sessions per protocol and outcome, alerts by condition and priority, acknowledgement times, overrides and missed checks', async () => {
    const report = await callOk(staff, 'report/clinic', { from: '2025-03-03', to: '2025-03-03' });
    expect(report.byProtocol).toEqual([{ protocolName: 'Depression — standard', completed: 2, aborted: 1, open: 1 }]);
    expect(report.sessions).toHaveLength(4);
    expect(report.overrides).toEqual({ contraindication: 0, minimumRecovery: 2, doseSoftLimit: 0, rateSoftLimit: 0 });
    const highSbp = report.byCondition.find((c) => c.condition === 'Systolic BP' && c.priority === 'high');
    expect(highSbp).toMatchObject({ count: 2, perSession: 0.5 });
    // Two sessions, each with the SBP acknowledged at once and the SpO2 acknowledged at once (the clock did not move).
    expect(report.acknowledgement).toMatchObject({ acknowledged: 4, medianSeconds: 0, p90Seconds: 0 });
    const csv = parse(bytesOf(await callOk(staff, 'export/clinic', { from: '2025-03-03', to: '2025-03-03', format: 'csv' })).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(csv.map((row) => row.Session)).toEqual(report.sessions.map((s) => String(s.sessionId)));
    const pdf = pdfText(await callOk(staff, 'export/clinic', { from: '2025-03-01', to: '2025-03-03', format: 'pdf' }), 'clinic.pdf');
    expect(pdf).toContain('2025-03-01 to 2025-03-03');
    expect(pdf).toContain('Depression — standard');
    expect(await callOk(staff, 'report/clinic', { from: '2025-03-04', to: '2025-03-05' })).toMatchObject({ sessions: [], byProtocol: [] });
  });
});
