/** Plain data (what main sends): equal when every field is, at any depth. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * The value already held when main sent the same again, so components that select it do
 * not re-render: a pushed `session/updated` repeats the session, patient and panels that a
 * reading rarely changes.
 */
export function keepIfEqual<T>(held: T | undefined, next: T): T {
  return held !== undefined && deepEqual(held, next) ? held : next;
}
