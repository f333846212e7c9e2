import { beforeAll, describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../src-main/core/security/pin-hash';

// Each scrypt derivation takes ~100 ms: the hashes are made once and shared.
describe('PIN hashing (scrypt)', () => {
  let stored = '';
  let again = '';
  beforeAll(async () => {
    [stored, again] = await Promise.all([hashPin('4821'), hashPin('4821')]);
  });

  it('stores scheme, cost parameters, salt and hash, never the PIN', () => {
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('4821');
    const hash = stored.split('$')[5] ?? '';
    expect(Buffer.from(hash, 'base64')).toHaveLength(32);
  });

  it('salts every hash, so the same PIN never gives the same string', () => {
    expect(again).not.toBe(stored);
  });

  it('verifies the right PIN against either hash', async () => {
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4821', again)).toBe(true);
  });

  it('rejects a wrong PIN, including near misses', async () => {
    expect(await verifyPin('4822', stored)).toBe(false);
    expect(await verifyPin('48210', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('normalises the PIN (full-width digits typed on some keyboards match)', async () => {
    expect(await verifyPin('\uFF14\uFF18\uFF12\uFF11', stored)).toBe(true);
  });

  it('rejects a malformed or foreign stored hash instead of throwing', async () => {
    expect(await verifyPin('4821', '')).toBe(false);
    expect(await verifyPin('4821', 'plain$4821')).toBe(false);
    expect(await verifyPin('4821', stored.replace(/^scrypt/, 'bcrypt'))).toBe(false);
  });
});
