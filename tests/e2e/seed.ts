import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract/channels';
import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import type { ReadingValues } from '../../shared/domain/reading';
import { PHYSICIAN, type PatientInput } from './fixtures';
import type { RunningHost } from './host';
import { createAccount, withConnection } from './wire';

/**
 * Preconditions set up through the contract, as main itself would receive them, so an
 * end-to-end test spends its time (and its typing) only on what it tests.
 */
type Call = <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;

/** Runs `use` on a fresh connection signed in as `user` (after first-time setup if `setup`); every call must succeed. */
export async function asUser<T>(host: RunningHost, user: { username: string; pin: string }, use: (call: Call) => Promise<T>): Promise<T> {
  return withConnection(host, async (raw) => {
    const call: Call = async (channel, request) => {
      const result = await raw(channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      // The host's core checks every answer against the contract's response schema in tests.
      return result.value as ResponseOf<typeof channel>;
    };
    await call('auth/signIn', { username: user.username, pin: user.pin });
    return use(call);
  });
}

/** The chairs of every test clinic unless a test names its own (Clinic settings › Chairs). */
export const CLINIC_CHAIRS: readonly string[] = Array.from({ length: 12 }, (_, index) => `Chair ${index + 1}`);

/** The clinic's chair registry, set through the contract by the first account (admin and physician). */
export async function seedChairs(host: RunningHost, names: readonly string[] = CLINIC_CHAIRS): Promise<void> {
  await asUser(host, PHYSICIAN, (call) => call('clinic/setChairs', { chairs: names.map((name, index) => ({ id: index + 1, name })), reason: 'The chairs of the test clinic' }));
}

/**
 * The clinic's first account (the physician, also admin), created through the contract, its
 * chairs (`chairs`, default `CLINIC_CHAIRS`; [] leaves the registry empty), and any further staff.
 */
export async function seedClinic(
  host: RunningHost,
  staff: { username: string; displayName: string; pin: string; roles: ('nurse' | 'physician' | 'admin')[] }[] = [],
  options: { chairs?: readonly string[] } = {},
): Promise<void> {
  await withConnection(host, async (raw) => {
    const setup = await raw('auth/setup', { username: PHYSICIAN.username, displayName: PHYSICIAN.displayName, pin: PHYSICIAN.pin });
    if (!setup.ok) throw new Error(`auth/setup failed: ${JSON.stringify(setup.error)}`);
  });
  const chairs = options.chairs ?? CLINIC_CHAIRS;
  if (chairs.length > 0) await seedChairs(host, chairs);
  // Each account gets a one-time code and chooses its own PIN; clinical roles are co-signed by the physician.
  for (const { roles, ...person } of staff) await createAccount(host, PHYSICIAN, person, roles);
}

export const BASELINE_VITALS: ReadingValues = { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 80, spo2Pct: 97 };

/** The seeded standard depression protocol's id. */
export async function standardProtocolId(call: Call): Promise<number> {
  const protocols = await call('protocol/list', { includeRetired: false });
  const standard = protocols.find((protocol) => protocol.name.startsWith('Depression — standard'));
  if (!standard) throw new Error('the standard protocol is not seeded');
  return standard.id;
}

/**
 * A registered patient with an open session in `chair` on the standard protocol, opened by
 * `by` (default the physician): screened negative with a baseline charted (unless `screen` is
 * false: then still in screening with nothing recorded), and (unless `start` is false) the
 * infusion started.
 */
export async function seedSession(
  host: RunningHost,
  patient: PatientInput,
  chair: string,
  options: { start?: boolean; screen?: boolean; by?: { username: string; pin: string } } = {},
): Promise<{ sessionId: number; patientId: number }> {
  return asUser(host, options.by ?? PHYSICIAN, async (call) => {
    const created = await call('patient/create', { ...patient, weightKg: Number(patient.weightKg) });
    const session = await call('session/create', { patientId: created.id, chair, protocolId: await standardProtocolId(call) });
    if (options.screen === false) return { sessionId: session.id, patientId: created.id };
    const contraindications = Object.fromEntries(CONTRAINDICATIONS.map((key) => [key, false])) as RequestOf<'screening/record'>['contraindications'];
    await call('screening/record', { sessionId: session.id, contraindications, coMedications: [], consentGiven: true, escortArranged: true });
    await call('reading/add', { sessionId: session.id, values: BASELINE_VITALS });
    if (options.start !== false) await call('session/transition', { sessionId: session.id, action: 'startInfusion' });
    return { sessionId: session.id, patientId: created.id };
  });
}

/** Charts readings through the contract, moving the host's test clock by `everyMs` before each. */
export async function seedReadings(host: RunningHost, user: { username: string; pin: string }, sessionId: number, readings: ReadingValues[], everyMs: number): Promise<void> {
  await asUser(host, user, async (call) => {
    for (const values of readings) {
      await host.advanceClock(everyMs);
      await call('reading/add', { sessionId, values });
    }
  });
}
