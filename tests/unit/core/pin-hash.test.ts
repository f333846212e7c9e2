import { beforeAll, describe, expect, it } from 'vitest';
import { createPinHasher, PRODUCTION_PIN_COST, TEST_PIN_COST } from '../../../src-main/core/security/pin-hash';

// The production cost (128 MiB, ~0.3 s a check) is exercised here once; every other test uses the test cost.
describe('PIN hashing (scrypt)', () => {
  const production = createPinHasher();
  const quick = createPinHasher(TEST_PIN_COST);
  let stored = '';
  let again = '';
  beforeAll(async () => {
    [stored, again] = await Promise.all([production.hash('482913'), quick.hash('482913')]);
  });

  it('uses OWASP scrypt parameters by default (N=2^17, r=8, p=1) and stores scheme, cost, salt and hash, never the PIN', () => {
    expect(production.cost).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(PRODUCTION_PIN_COST.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('482913');
    expect(Buffer.from(stored.split('$')[5] ?? '', 'base64')).toHaveLength(32);
  });

  it('salts every hash, so the same PIN never gives the same string', async () => {
    expect(await quick.hash('482913')).not.toBe(again);
  });

  it('verifies the right PIN (a hash records its own cost) and rejects near misses', async () => {
    expect(await quick.verify('482913', stored)).toBe(true);
    expect(await quick.verify('482913', again)).toBe(true);
    expect(await quick.verify('482914', again)).toBe(false);
    expect(await quick.verify('4829130', again)).toBe(false);
    expect(await quick.verify('', again)).toBe(false);
  });

  it('normalises the PIN (full-width digits typed on some keyboards match)', async () => {
    expect(await quick.verify('\uFF14\uFF18\uFF12\uFF19\uFF11\uFF13', again)).toBe(true);
  });

  it('refuses stored parameters outside its bounds instead of running them (an edited row cannot cost minutes or gigabytes)', async () => {
    const [, , r, p, salt, hash] = again.split('$');
    for (const n of [2 ** 24, 2 ** 21, 3000, 2, 0]) expect(await quick.verify('482913', ['scrypt', n, r, p, salt, hash].join('$'))).toBe(false);
    expect(await quick.verify('482913', ['scrypt', 1024, 64, p, salt, hash].join('$'))).toBe(false);
    expect(await quick.verify('482913', ['scrypt', 1024, r, 16, salt, hash].join('$'))).toBe(false);
  });

  it('tells a hash made at a lower cost (re-hashed at the next sign-in) from a current or unreadable one', () => {
    expect(production.isBelowCost(again)).toBe(true);
    expect(production.isBelowCost(stored)).toBe(false);
    expect(quick.isBelowCost(stored)).toBe(false);
    expect(production.isBelowCost('plain$482913')).toBe(false);
  });

  it('rejects a malformed or foreign stored hash instead of throwing', async () => {
    expect(await quick.verify('482913', '')).toBe(false);
    expect(await quick.verify('482913', 'plain$482913')).toBe(false);
    expect(await quick.verify('482913', again.replace(/^scrypt/, 'bcrypt'))).toBe(false);
  });

  it('does the same work for nothing (unknown usernames)', async () => {
    expect(await quick.verifyAgainstNothing('482913')).toBe(false);
  });
});
