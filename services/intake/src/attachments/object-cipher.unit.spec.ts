import { randomBytes } from 'node:crypto';
import { openObject, sealObject, SealedObjectError } from './object-cipher';
import { pdf } from '../../test/attachments/sample-files';

describe("a file sealed with the submitter's key", () => {
  const key = randomBytes(32);
  const objectKey = 'peshtera/c-1/f-1';

  it('opens to the same bytes, and is not the plain file', () => {
    const sealed = sealObject(key, objectKey, pdf());
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(openObject(key, objectKey, sealed)).toEqual(pdf());
  });

  it('differs each time it is sealed (a fresh IV)', () => {
    expect(sealObject(key, objectKey, pdf()).equals(sealObject(key, objectKey, pdf()))).toBe(false);
  });

  it('does not open under another key, moved to another object key, or tampered with', () => {
    const sealed = sealObject(key, objectKey, pdf());
    expect(() => openObject(randomBytes(32), objectKey, sealed)).toThrow(SealedObjectError);
    expect(() => openObject(key, 'peshtera/c-2/f-1', sealed)).toThrow(SealedObjectError);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => openObject(key, objectKey, tampered)).toThrow(SealedObjectError);
    expect(() => openObject(key, objectKey, Buffer.alloc(3))).toThrow(SealedObjectError);
  });
});
