import { icuReadings, infusingSession, openBenchCore, seedReadings } from '../seed';

export interface SeededClinic {
  dataDir: string;
  /** Chair 1: the long session. */
  longSessionId: number;
  /** Chairs 2-8: one short session each. */
  shortSessionIds: number[];
}

const HOUR_MS = 3_600_000;

/**
 * A clinic's file as the browser bench needs it, ending about now on the wall clock (the
 * host then runs on the wall clock): `storedSessions` finished (aborted) sessions of as many
 * patients, then eight open sessions, chair 1 with `longReadings` readings one second apart,
 * chairs 2-8 with `shortReadings` each. Everything but the bulk readings goes through the
 * contract; durability is relaxed while seeding only (synchronous=OFF), then restored.
 */
export async function seedClinic(options: { storedSessions: number; longReadings: number; shortReadings: number }): Promise<SeededClinic> {
  const spanMs = options.longReadings * 1_000 + options.storedSessions * 100 + HOUR_MS / 4;
  const bench = await openBenchCore(undefined, Date.now() - spanMs);
  const { db } = bench.core.services;
  db.pragma('synchronous = OFF');
  try {
    const [protocol] = await bench.ok<{ id: number }[]>('protocol/list', {});
    for (let i = 0; i < options.storedSessions; i++) {
      bench.clock.advance(100);
      const patient = await bench.ok<{ id: number }>('patient/create', { mrn: `STORED-${i + 1}`, familyName: `Stored${i + 1}`, givenName: 'Pat', dateOfBirth: '1975-05-05', weightKg: 70 });
      const session = await bench.ok<{ id: number }>('session/create', { patientId: patient.id, chair: `Chair ${(i % 8) + 1}`, protocolId: protocol?.id });
      await bench.ok('session/transition', { sessionId: session.id, action: 'abort', reason: 'Seeded history for the bench' });
    }
    const next = icuReadings();
    const longSessionId = await infusingSession(bench, 'Chair 1');
    const shortSessionIds: number[] = [];
    for (let chair = 2; chair <= 8; chair++) shortSessionIds.push(await infusingSession(bench, `Chair ${chair}`));
    seedReadings(bench, longSessionId, options.longReadings, next);
    for (const sessionId of shortSessionIds) seedReadings(bench, sessionId, options.shortReadings, next);
    db.pragma('synchronous = FULL');
    return { dataDir: bench.dataDir, longSessionId, shortSessionIds };
  } finally {
    bench.core.close();
  }
}
