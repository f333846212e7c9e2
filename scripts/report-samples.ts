/**
 * `npm run docs:reports`: seeds one finished session on a fresh core (the same seeded session
 * the tests use), exports its report and monitoring summary, and renders their first pages
 * with pdftoppm into docs/ (session-report-page1.png, monitoring-summary.png) for the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src-main/core/clock';
import { openVigilCore } from '../src-main/core/vigil-core';
import { addAccount, caller } from '../tests/support/core-caller';
import { seedFinishedSession } from '../tests/support/seeded-session';

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-report-samples-'));
  const clock = new ManualClock(Date.UTC(2025, 2, 3, 9, 0, 0));
  const core = openVigilCore({ dataDir, clock, logger: { info: () => undefined, error: (m: string) => console.error(m) } });
  try {
    const admin = core.connect();
    await caller(admin)('auth/setup', { username: 'dr.okafor', displayName: 'Dr Ada Okafor', pin: '482913' });
    await caller(admin)('clinic/setChairs', { chairs: [{ id: 1, name: 'Chair 2' }], reason: 'The sample clinic\'s chair' });
    const nurse = await addAccount(core, admin, { username: 'dr.okafor', pin: '482913' }, { username: 'nina.nurse', displayName: 'Nina Nurse', pin: '135790' }, ['nurse']);
    const seeded = await seedFinishedSession(
      {
        nurse: caller(nurse),
        physician: caller(admin),
        nursePin: '135790',
        clockTo: async (at) => {
          clock.advance(at - clock.now());
          core.services.monitoring.sweep(clock.now());
        },
        now: () => clock.now(),
      },
      { mrn: 'MRN-1001', familyName: 'Lindqvist', givenName: 'Maja' },
    );
    for (const [format, name] of [
      ['pdf', 'session-report'],
      ['rems', 'monitoring-summary'],
    ] as const) {
      const file = await caller(nurse)('export/session', { sessionId: seeded.sessionId, format });
      const path = join(dataDir, `${name}.pdf`);
      writeFileSync(path, Buffer.from(file.base64, 'base64'));
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path, join('docs', name === 'session-report' ? 'session-report-page1' : name)]);
      console.warn(`docs/${name === 'session-report' ? 'session-report-page1' : name}.png from ${file.fileName}`);
    }
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
