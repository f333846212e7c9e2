import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNELS, CHANNEL_NAMES, isChannelName } from '../../shared/contract/channels';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { useTempDirs } from '../support/temp-dir';
import { ADMIN, addUser, callOk, holdTickerInterval, NURSE, openRaw, openSession, openTestCore, readyToStart, setUpAdmin, signIn } from '../support/test-core';

holdTickerInterval();
const dirs = useTempDirs();

const TOTAL = Number(process.env.FUZZ_TOTAL ?? 100_000);
const BATCH = 2_000;
/** Refusals that are themselves recorded: a wrong PIN counts towards the lockout, in the same act as its audit entry. */
const RECORDED_REFUSALS = new Set(['bad_credentials', 'locked']);

/** The request's own field names, so many malformed requests get past "unknown key" to the field checks. */
function fieldsOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const LONG_TEXT = 'x'.repeat(100_000);
/** Values of every JSON kind and some that JSON has not (undefined, NaN, -0), and a 100 kB string. */
const oddValue = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, '', -0, Number.NaN, Number.MAX_SAFE_INTEGER + 2, LONG_TEXT),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 2 }),
);

function requestFor(channel: string): fc.Arbitrary<unknown> {
  const fields = fieldsOf((CHANNELS as Record<string, { request: z.ZodType }>)[channel]?.request ?? z.never());
  const keys = fc.constantFrom(...fields, 'extra', 'constructor', '__proto__');
  return fc.oneof(
    oddValue,
    fc.dictionary(keys, oddValue, { maxKeys: 5 }),
    fields.length === 0 ? fc.constant({ unexpected: 1 }) : fc.record(Object.fromEntries(fields.map((field) => [field, oddValue])), { requiredKeys: [] }),
  );
}

const IT = { username: 'ivo.it', displayName: 'Ivo IT', pin: '913370' };
const RECORDS = { username: 'rae.records', displayName: 'Rae Records', pin: '642097' };

const CHANNEL_NAMES_AND_UNKNOWN: string[] = [...CHANNEL_NAMES, 'patient/drop', '', '__proto__', 'auth/status/extra'];

describe('the contract under fuzzed requests (fast-check, through the real dispatcher)', () => {
  it(`${TOTAL.toLocaleString('en')} malformed requests over every channel and role: 0 internal errors, 0 rows written by a refused call, the next valid call works`, async () => {
    const t = openTestCore(dirs.make());
    const { connection: first } = await setUpAdmin(t.core);
    const { session } = await openSession(first);
    await readyToStart(first, session.id);
    const nurse = (await addUser(t.core, first, NURSE, ['nurse'])).connection;
    const adminOnly = (await addUser(t.core, first, IT, ['admin'])).connection;
    const staff = (await addUser(t.core, first, RECORDS, ['staff'])).connection;
    const callers: [string, CoreConnection][] = [['anonymous', t.core.connect()], ['nurse', nurse], ['physician+admin', first], ['admin', adminOnly], ['staff', staff]];
    const accounts: [string, CoreConnection, { username: string; pin: string }][] = [
      ['nurse', nurse, NURSE],
      ['physician+admin', first, ADMIN],
      ['admin', adminOnly, IT],
      ['staff', staff, RECORDS],
    ];
    // A second connection sees every commit of core's: PRAGMA data_version moves when another connection committed.
    const watcher = openRaw(t.databasePath);
    const dataVersion = watcher.prepare('PRAGMA data_version').pluck();
    let version = dataVersion.get();

    const counts = { calls: 0, accepted: 0, refused: 0, internal: 0, refusedThatWrote: 0, validAfter: 0 };
    const codes = new Map<string, number>();
    const wrote: string[] = [];
    const perChannel = new Map<string, number>();
    const arbitrary = fc.oneof(...CHANNEL_NAMES_AND_UNKNOWN.map((channel) => fc.tuple(fc.constant(channel), fc.nat(callers.length - 1), requestFor(channel))));
    let seed = 20_261_129;
    while (counts.calls < TOTAL) {
      for (const [channel, who, request] of fc.sample(arbitrary, { numRuns: BATCH, seed: seed++ })) {
        // Only malformed requests count: one the channel's schema would accept is not one (and may make a backup or hash a PIN).
        if (isChannelName(channel) && CHANNELS[channel].request.safeParse(request ?? {}).success) continue;
        const [role, connection] = callers[who % callers.length] as [string, CoreConnection];
        perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
        const result = await connection.call(channel, request);
        counts.calls += 1;
        const now = dataVersion.get();
        if (result.ok) {
          counts.accepted += 1;
        } else {
          counts.refused += 1;
          codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
          if (['internal', 'storage_full', 'storage_read_only', 'storage_io', 'storage_busy', 'storage_damaged'].includes(result.error.code)) counts.internal += 1;
          if (now !== version && !RECORDED_REFUSALS.has(result.error.code)) {
            counts.refusedThatWrote += 1;
            wrote.push(`${role} ${channel} ${JSON.stringify(request)?.slice(0, 200)} -> ${result.error.code}`);
          }
        }
        version = now;
      }
      // After each batch the clinic still works: whoever was signed out by a fuzzed sign-out signs in again, and a reading is charted.
      for (const [role, connection, account] of accounts) if (!connection.user) await callOk(connection, 'auth/signIn', { username: account.username, pin: account.pin }).catch((error: unknown) => expect.fail(`${role}: ${String(error)}`));
      await callOk(first, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 70 } });
      expect((await callOk(first, 'patient/list', {})).length).toBeGreaterThan(0);
      counts.validAfter += 2;
      version = dataVersion.get();
    }
    watcher.close();
    const nurseAgain = nurse.user ? nurse : await signIn(t.core, NURSE.username, NURSE.pin);
    await callOk(nurseAgain, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 72 } });
    t.core.close();

    process.stdout.write(
      `contract fuzz: ${counts.calls} requests over ${CHANNEL_NAMES.length} channels and ${callers.length} roles; ${counts.refused} refused (${[...codes].map(([code, n]) => `${code} ${n}`).join(', ')}), ${counts.accepted} accepted; ${counts.internal} internal errors; ${counts.refusedThatWrote} refused calls that wrote; ${counts.validAfter} valid calls after, all ok\n`,
    );
    expect(CHANNEL_NAMES.filter((name) => (perChannel.get(name) ?? 0) < 100)).toEqual([]);
    expect(wrote).toEqual([]);
    expect(counts.internal).toBe(0);
    expect(counts.calls).toBeGreaterThanOrEqual(TOTAL);
    expect(t.logger.errors()).toEqual([]);
  }, 120_000);
});
