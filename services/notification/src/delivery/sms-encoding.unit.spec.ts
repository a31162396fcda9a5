import { concatenationReference, DATA_CODING, destinationAddress, encodeSms, MAX_PARTS, NPI, sourceAddress, TON } from './sms-encoding';

const ucs2 = (text: string) => Buffer.from(text, 'utf16le').swap16();
const udh = (part: Buffer) => [...part.subarray(0, 6)];
const body = (part: Buffer) => part.subarray(6);
const fromUcs2 = (octets: Buffer) => Buffer.from(octets).swap16().toString('utf16le');

describe('encodeSms', () => {
  it('Cyrillic text: UCS2 (data_coding 8), one part up to 70 characters', () => {
    const text = 'Обръщението Ви е регистрирано под № PSH-2026-000101';
    expect(encodeSms(text, 7)).toEqual({ dataCoding: DATA_CODING.ucs2, parts: [ucs2(text)], concatenated: false });
    expect(encodeSms('Ж'.repeat(70), 7).parts).toHaveLength(1);
  });

  it('text the GSM alphabet carries: data_coding 0, one octet per septet, 160 in one part', () => {
    const { dataCoding, parts } = encodeSms('Hello @ 5$', 7);
    expect(dataCoding).toBe(DATA_CODING.gsm);
    // '@' is septet 0 and '$' septet 2 in GSM 03.38, not their ASCII codes.
    expect([...parts[0]]).toEqual([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x00, 0x20, 0x35, 0x02]);
    expect(encodeSms('a'.repeat(160), 7).parts).toHaveLength(1);
  });

  it('the GSM extension table: escape and septet, two octets per character', () => {
    expect([...encodeSms('€[]', 7).parts[0]]).toEqual([0x1b, 0x65, 0x1b, 0x3c, 0x1b, 0x3e]);
  });

  it('one character outside the GSM alphabet makes the whole text UCS2', () => {
    expect(encodeSms('Case № 12', 7).dataCoding).toBe(DATA_CODING.ucs2);
  });

  it('a long Cyrillic text: parts of 67 characters behind a concatenation UDH (reference, total, number), joined back whole', () => {
    const text = 'Уважаема госпожо Петрова, '.repeat(8).trim();
    const { parts, concatenated } = encodeSms(text, 0xa5);
    expect(concatenated).toBe(true);
    expect(parts).toHaveLength(Math.ceil(text.length / 67));
    parts.forEach((part, i) => {
      expect(udh(part)).toEqual([0x05, 0x00, 0x03, 0xa5, parts.length, i + 1]);
      expect(part.length).toBeLessThanOrEqual(140);
    });
    expect(parts.map((part) => fromUcs2(body(part))).join('')).toBe(text);
  });

  it('a long GSM text: parts of 153 septets; an escaped character is never cut in two', () => {
    const text = `${'a'.repeat(152)}€${'b'.repeat(10)}`;
    const { parts, dataCoding } = encodeSms(text, 1);
    expect(dataCoding).toBe(DATA_CODING.gsm);
    expect(body(parts[0]).length).toBe(152);
    expect([...body(parts[1]).subarray(0, 2)]).toEqual([0x1b, 0x65]);
  });

  it('a character outside the basic plane (a surrogate pair) stays whole in one part', () => {
    const text = `${'Ж'.repeat(66)}😀${'Ж'.repeat(10)}`;
    const { parts } = encodeSms(text, 1);
    expect(parts).toHaveLength(2);
    expect(fromUcs2(body(parts[0]))).toBe('Ж'.repeat(66));
    expect(fromUcs2(body(parts[1]))).toBe(`😀${'Ж'.repeat(10)}`);
  });

  it('refuses an empty text and one longer than 255 parts', () => {
    expect(() => encodeSms('', 1)).toThrow('an SMS needs some text');
    expect(() => encodeSms('Ж'.repeat(67 * MAX_PARTS + 1), 1)).toThrow('the text needs 256 parts; an SMS has at most 255');
  });
});

describe('concatenationReference', () => {
  it('the same for one notification id on every attempt, one octet', () => {
    const id = '0b1e6a4c-3f5e-5d7a-9c2b-8e1f4a6d2c10';
    expect(concatenationReference(id)).toBe(concatenationReference(id));
    expect(concatenationReference(id)).toBeGreaterThanOrEqual(0);
    expect(concatenationReference(id)).toBeLessThan(256);
  });
});

describe('addresses', () => {
  it('an international number, written any common way, goes as digits with TON international, NPI ISDN', () => {
    for (const phone of ['+359 888 123 456', '+359-888-123-456', '00359888123456', '+359 (888) 123.456']) {
      expect(destinationAddress(phone)).toEqual({ addr: '359888123456', ton: TON.international, npi: NPI.isdn });
    }
  });

  it('a national number goes as given, for the SMSC to read in its country', () => {
    expect(destinationAddress('0888 123 456')).toEqual({ addr: '0888123456', ton: TON.unknown, npi: NPI.isdn });
  });

  it('refuses what no SMSC can address, without quoting the number', () => {
    expect(() => destinationAddress('call me')).toThrow('the phone number is not a number an SMSC can address');
    expect(() => destinationAddress('+1234567890123456')).toThrow('3 to 15 digits');
  });

  it('the sender: a name is alphanumeric, a number international', () => {
    expect(sourceAddress('Civic')).toEqual({ addr: 'Civic', ton: TON.alphanumeric, npi: NPI.unknown });
    expect(sourceAddress('+359 2 123 4567')).toEqual({ addr: '35921234567', ton: TON.international, npi: NPI.isdn });
  });
});
