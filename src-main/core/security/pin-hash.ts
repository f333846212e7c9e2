import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt at OWASP's minimum for password storage (N=2^17, r=8, p=1; 128 MiB, about a third
 * of a second here): guessing even a 6-digit PIN from a stolen file costs days of work.
 */
export const PRODUCTION_PIN_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
/**
 * Tests only (the test helper and the web host's --test-clock mode): the same code at a
 * cost that keeps a thousand sign-ins in the test suite quick. Never selectable in the
 * desktop app; a test checks that the production cost is what a default core uses.
 */
export const TEST_PIN_COST = { N: 2 ** 10, r: 8, p: 1 } as const;
export type PinCost = typeof PRODUCTION_PIN_COST | typeof TEST_PIN_COST;

/** What a stored hash may ask for: anything outside is refused, so an edited row cannot make a check take minutes or gigabytes. */
const READ_BACK_LIMITS = { minN: 2 ** 10, maxN: 2 ** 20, maxR: 16, maxP: 4 } as const;
const KEY_BYTES = 32;

function derive(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function parse(stored: string): { N: number; r: number; p: number; salt: Buffer; hash: Buffer } | null {
  const [scheme, n, r, p, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !hashB64) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(params.N) && params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N < READ_BACK_LIMITS.minN || params.N > READ_BACK_LIMITS.maxN) return null;
  if (!Number.isInteger(params.r) || params.r < 1 || params.r > READ_BACK_LIMITS.maxR) return null;
  if (!Number.isInteger(params.p) || params.p < 1 || params.p > READ_BACK_LIMITS.maxP) return null;
  return { ...params, salt: Buffer.from(saltB64, 'base64'), hash: Buffer.from(hashB64, 'base64') };
}

export interface PinHasher {
  readonly cost: PinCost;
  /** `scrypt$N$r$p$salt$hash` with base64 salt and hash. */
  hash(pin: string): Promise<string>;
  /** False for a wrong PIN, and for a stored hash whose parameters are out of bounds. */
  verify(pin: string, stored: string): Promise<boolean>;
  /** The same work as a real check, against nothing: an unknown username takes as long as a known one. */
  verifyAgainstNothing(pin: string): Promise<false>;
  /** A readable stored hash made at a lower cost than this hasher's (an older Vigil's N=2^15): re-hash it at the next right PIN. */
  isBelowCost(stored: string): boolean;
}

export function createPinHasher(cost: PinCost = PRODUCTION_PIN_COST): PinHasher {
  const dummySalt = randomBytes(16);
  return {
    cost,
    async hash(pin) {
      const salt = randomBytes(16);
      const key = await derive(pin, salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
    },
    async verify(pin, stored) {
      const parsed = parse(stored);
      if (!parsed) return false;
      const key = await derive(pin, parsed.salt, parsed);
      return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
    },
    isBelowCost(stored) {
      const parsed = parse(stored);
      return parsed !== null && (parsed.N < cost.N || parsed.r < cost.r || parsed.p < cost.p);
    },
    async verifyAgainstNothing(pin) {
      await derive(pin, dummySalt, cost);
      return false;
    },
  };
}
