/**
 * `npm run docs:reports`: seeds one finished session on a fresh core (the same seeded session
 * the tests use), exports its report and monitoring summary, and renders their first pages
 * with pdftoppm into docs/ (session-report-page1.png, monitoring-summary.png) for the README.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName, RequestOf, ResponseOf } from '../shared/contract/channels';
import { ManualClock } from '../src-main/core/clock';
import type { Role } from '../shared/domain/user';
import { openVigilCore, type CoreConnection, type VigilCore } from '../src-main/core/vigil-core';
import { seedFinishedSession, type Caller } from '../tests/support/seeded-session';

const caller = (connection: CoreConnection): Caller =>
  (async <C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await connection.call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as ResponseOf<C>;
  }) as Caller;

/** A new account as its owner would make it: the admin creates it (co-signed), the owner signs in with the code and chooses a PIN. */
async function addAccount(core: VigilCore, admin: CoreConnection, cosign: { username: string; pin: string }, who: { username: string; displayName: string; pin: string }, roles: Role[]): Promise<CoreConnection> {
  const { oneTimeCode } = await caller(admin)('user/create', { username: who.username, displayName: who.displayName, roles, cosign });
  const connection = core.connect();
  await caller(connection)('auth/signIn', { username: who.username, pin: oneTimeCode });
  await caller(connection)('auth/choosePin', { pin: who.pin });
  return connection;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-report-samples-'));
  const clock = new ManualClock(Date.UTC(2025, 2, 3, 9, 0, 0));
  const core = openVigilCore({ dataDir, clock, logger: { info: () => undefined, error: (m: string) => console.error(m) } });
  try {
    const admin = core.connect();
    await caller(admin)('auth/setup', { username: 'dr.okafor', displayName: 'Dr Ada Okafor', pin: '482913' });
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
