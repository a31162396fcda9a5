import { canonicalTrackingCode, hashTrackingCode, isTrackingCodeShaped, newTrackingCode, normalizeTrackingCode } from './tracking-code';

describe('tracking codes', () => {
  it('are 160 random bits in Crockford base32, in groups of four', () => {
    const code = newTrackingCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    // 32 symbols of 5 bits: at least the 128 bits the citizen API promises.
    expect(normalizeTrackingCode(code).length * 5).toBeGreaterThanOrEqual(128);
  });

  it('are never the same twice', () => {
    const codes = new Set(Array.from({ length: 1_000 }, newTrackingCode));
    expect(codes.size).toBe(1_000);
  });

  it('survive being typed in lower case, without dashes, or with O and I for 0 and 1', () => {
    const code = newTrackingCode();
    const typed = normalizeTrackingCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'i');
    expect(isTrackingCodeShaped(typed)).toBe(true);
    expect(hashTrackingCode(typed)).toBe(hashTrackingCode(code));
    expect(canonicalTrackingCode(typed)).toBe(code);
  });

  it('are stored as a hash that is not the code', () => {
    const code = newTrackingCode();
    expect(hashTrackingCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTrackingCode(code)).not.toContain(normalizeTrackingCode(code));
  });

  it('are refused unread when malformed', () => {
    expect(isTrackingCodeShaped('1234')).toBe(false);
    expect(isTrackingCodeShaped('U'.repeat(32))).toBe(false);
  });
});
