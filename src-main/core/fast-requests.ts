import type { ChannelName } from '../../shared/contract/channels';
import { VitalParameterSchema, ReadingValuesSchema } from '../../shared/domain/reading';

/**
 * Plain-case parsers for the hottest channels, tried before the channel's zod schema.
 *
 * Measured in reading/add's act (bench/reading-add-focus.ts): zod's safeParse of the request
 * took 12-20 µs p50 in the act, against 0.4-0.8 µs in a loop of the same call: the act runs
 * cold, after an fsync wait, and zod's parse walks a lot of code. A parser here accepts only a
 * request that is plainly valid and answers exactly what zod answers for it (same keys, same
 * order, same values); for anything else it answers `undefined` and the dispatcher runs zod,
 * so every refusal keeps zod's specific error. A fast-check property holds each parser to its
 * schema (tests/unit/core/fast-requests.test.ts).
 */

/** A plain object (not an array, not a class instance) whose own keys are all in `allowed`. */
function plainObjectWithin(value: unknown, allowed: ReadonlySet<string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const isEpochMs = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

// The schemas' own key order: zod's output lists keys in this order, whatever the request's order.
const VALUE_KEYS: readonly string[] = Object.keys(ReadingValuesSchema.shape);
const VALUE_KEY_SET: ReadonlySet<string> = new Set(VALUE_KEYS);
const PARAMETERS: ReadonlySet<unknown> = new Set(VitalParameterSchema.options);
const NEW_READING_KEYS: ReadonlySet<string> = new Set(['sessionId', 'observedAt', 'values', 'onSupplementalOxygen', 'confirmed']);

/** `NewReadingSchema.strict()`'s answer for a plainly valid request; `undefined` to let zod judge it. */
export function parseNewReading(request: unknown): unknown {
  if (!plainObjectWithin(request, NEW_READING_KEYS)) return undefined;
  const { sessionId, observedAt, values, onSupplementalOxygen, confirmed } = request;
  if (!isId(sessionId)) return undefined;
  // A key present with the value undefined: zod keeps the key; left to zod.
  if ('observedAt' in request && !isEpochMs(observedAt)) return undefined;
  if ('onSupplementalOxygen' in request && typeof onSupplementalOxygen !== 'boolean') return undefined;
  if (!plainObjectWithin(values, VALUE_KEY_SET)) return undefined;
  const parsedValues: Record<string, number> = {};
  for (const key of VALUE_KEYS) {
    if (!(key in values)) continue;
    const value = values[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    parsedValues[key] = value;
  }
  let parsedConfirmed: unknown[] = [];
  if ('confirmed' in request) {
    if (!Array.isArray(confirmed) || Object.getPrototypeOf(confirmed) !== Array.prototype) return undefined;
    parsedConfirmed = [];
    // Indices only (a sparse array or extra keys: left to zod).
    if (Object.keys(confirmed).length !== confirmed.length) return undefined;
    for (const parameter of confirmed) {
      if (!PARAMETERS.has(parameter)) return undefined;
      parsedConfirmed.push(parameter);
    }
  }
  const parsed: Record<string, unknown> = { sessionId };
  if ('observedAt' in request) parsed.observedAt = observedAt;
  parsed.values = parsedValues;
  if ('onSupplementalOxygen' in request) parsed.onSupplementalOxygen = onSupplementalOxygen;
  parsed.confirmed = parsedConfirmed;
  return parsed;
}

/** The channels with a plain-case parser. */
export const FAST_REQUEST_PARSERS: Partial<Record<ChannelName, (request: unknown) => unknown>> = {
  'reading/add': parseNewReading,
};
