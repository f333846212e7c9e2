import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VITAL_PARAMETER_KEYS } from '../../../shared/clinical/parameters';
import { CHANNELS } from '../../../shared/contract/channels';
import { FAST_REQUEST_PARSERS, parseNewReading } from '../../../src-main/core/fast-requests';

/**
 * A plain-case parser may only ever answer what the channel's zod schema answers: for any
 * request, either it leaves the request to zod (undefined) or zod accepts the request and
 * gives the same value, with the same keys in the same order (the audit keeps the request as
 * JSON). Held over requests near the valid ones: every field missing, undefined, of the wrong
 * type, out of range, non-finite, fractional; unknown keys; arrays, nulls, class instances.
 */

const schema = CHANNELS['reading/add'].request;

const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(-0),
  fc.constant(2 ** 53),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constant(new Date(0)),
);
const maybe = <T>(arb: fc.Arbitrary<T>, weight = 6) => fc.oneof({ weight, arbitrary: arb }, { weight: 1, arbitrary: oddValue });

const valuesArb = fc.oneof(
  { weight: 6, arbitrary: fc.record(Object.fromEntries(VITAL_PARAMETER_KEYS.map((key) => [key, maybe(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 300, noNaN: true })), 40)])), { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...VITAL_PARAMETER_KEYS, 'pulse', 'constructor', '__proto__'), fc.integer()) },
  { weight: 1, arbitrary: oddValue },
);

const confirmedArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...VITAL_PARAMETER_KEYS)) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...VITAL_PARAMETER_KEYS), fc.string(), fc.integer())) },
  { weight: 1, arbitrary: fc.constant(Object.assign(['spo2Pct'], { extra: 1 })) },
  // eslint-disable-next-line no-sparse-arrays -- a hole: left to zod
  { weight: 1, arbitrary: fc.constant([, 'spo2Pct']) },
  { weight: 1, arbitrary: oddValue },
);

const requestArb = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        sessionId: maybe(fc.integer({ min: -2, max: 1_000 })),
        observedAt: maybe(fc.integer({ min: -5, max: 2 ** 42 })),
        values: valuesArb,
        onSupplementalOxygen: maybe(fc.boolean()),
        confirmed: confirmedArb,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ sessionId: fc.constant(1), values: fc.constant({ spo2Pct: 97 }), unknownKey: fc.integer() }) },
  { weight: 1, arbitrary: oddValue },
);

describe('plain-case request parsers', () => {
  it('reading/add: answers only what zod answers, key for key and in the same order', () => {
    let taken = 0;
    fc.assert(
      fc.property(requestArb, (request) => {
        const plain = parseNewReading(request);
        if (plain === undefined) return;
        taken += 1;
        const byZod = schema.safeParse(request);
        expect(byZod.success).toBe(true);
        expect(plain).toStrictEqual(byZod.data);
        expect(JSON.stringify(plain)).toBe(JSON.stringify(byZod.data));
      }),
      { numRuns: 5_000 },
    );
    // The property is about something: many of the random requests are plainly valid.
    expect(taken).toBeGreaterThan(200);
  });

  it('leaves every request zod refuses to zod (so its error names the field and the limit)', () => {
    for (const request of [
      { sessionId: 0, values: { heartRateBpm: 80 } },
      { sessionId: 1.5, values: { heartRateBpm: 80 } },
      { sessionId: 1, values: { heartRateBpm: Number.NaN } },
      { sessionId: 1, values: { pulse: 80 } },
      { sessionId: 1, values: { heartRateBpm: 80 }, confirmed: ['pulse'] },
      { sessionId: 1, values: { heartRateBpm: 80 }, observedAt: -1 },
      { sessionId: 1, values: { heartRateBpm: 80 }, extra: true },
    ]) {
      expect(schema.safeParse(request).success).toBe(false);
      expect(parseNewReading(request)).toBeUndefined();
    }
  });

  it('is used only for channels whose request schema it was written for', () => {
    expect(Object.keys(FAST_REQUEST_PARSERS)).toEqual(['reading/add']);
  });
});
