import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  decryptValue,
  encryptValue,
  InvalidSubjectKeyError,
  isEncryptedValue,
  PersonalDataDecryptionError,
  type EncryptedValue,
} from '../../src/privacy';

const key = randomBytes(32);
const binding = { subjectId: 'subject-7', path: 'submitter' };
const submitter = { name: 'Мария Петрова', email: 'maria@example.bg', language: 'bg' };

/** Flips one bit of a base64 field. */
function flip(base64: string, byte = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte] ^= 0x01;
  return bytes.toString('base64');
}

describe('the personal-data envelope (AES-256-GCM, subject and path bound in)', () => {
  it('round-trips any JSON value: strings, whole objects, arrays, numbers', () => {
    expect(decryptValue(key, encryptValue(key, submitter, binding), binding)).toEqual(submitter);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalised = JSON.parse(JSON.stringify(value));
        expect(decryptValue(key, encryptValue(key, value, binding), binding)).toEqual(normalised);
      }),
      { numRuns: 200 },
    );
  });

  it('holds no plaintext, and uses a fresh 96-bit IV for every value', () => {
    const a = encryptValue(key, submitter, binding);
    const b = encryptValue(key, submitter, binding);
    expect(JSON.stringify(a)).not.toContain('Мария');
    expect(JSON.stringify(a)).not.toContain('maria@example.bg');
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64')).toHaveLength(16);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
    expect(a).toMatchObject({ $enc: 'aes-256-gcm' });
    expect(isEncryptedValue(a)).toBe(true);
    expect(isEncryptedValue({ $enc: 'aes-256-gcm', iv: 'x' })).toBe(false);
    expect(isEncryptedValue('text')).toBe(false);
  });

  it.each<[string, (e: EncryptedValue) => EncryptedValue]>([
    ['a flipped ciphertext bit', (e) => ({ ...e, ct: flip(e.ct, 3) })],
    ['a flipped tag bit', (e) => ({ ...e, tag: flip(e.tag) })],
    ['another IV', (e) => ({ ...e, iv: flip(e.iv) })],
    ['a truncated ciphertext', (e) => ({ ...e, ct: Buffer.from(e.ct, 'base64').subarray(1).toString('base64') })],
  ])('fails authentication on %s', (_what, tamper) => {
    const tampered = tamper(encryptValue(key, 'Иван Иванов', binding));
    expect(() => decryptValue(key, tampered, binding)).toThrow(PersonalDataDecryptionError);
  });

  it('fails authentication for another subject or another field, and under another key', () => {
    const sealed = encryptValue(key, 'Иван Иванов', binding);
    expect(() => decryptValue(key, sealed, { ...binding, subjectId: 'subject-8' })).toThrow(PersonalDataDecryptionError);
    expect(() => decryptValue(key, sealed, { ...binding, path: 'text' })).toThrow(PersonalDataDecryptionError);
    expect(() => decryptValue(randomBytes(32), sealed, binding)).toThrow(PersonalDataDecryptionError);
  });

  it('names subject and path when authentication fails, and never the value', () => {
    const sealed = { ...encryptValue(key, 'Иван Иванов', binding), ct: flip(encryptValue(key, 'x', binding).ct) };
    expect(() => decryptValue(key, sealed, binding)).toThrow(/submitter.*subject-7/);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => encryptValue(randomBytes(16), 'x', binding)).toThrow(InvalidSubjectKeyError);
  });
});
