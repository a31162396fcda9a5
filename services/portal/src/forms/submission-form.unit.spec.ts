import { guideOf } from '../testing/fixtures';
import { readDate, readSubmissionForm, validEmail, validPhone, type UploadedFile } from './submission-form';

const sopot = guideOf('sopot');
const named = { category: 'waste-cleanliness', text: 'Контейнерът не е изпразван от седмица.', anonymous: 'no', name: 'Мария Петрова' };
const read = (
  body: Record<string, unknown>,
  kind: Parameters<typeof readSubmissionForm>[0]['kind'] = 'signal',
  files: UploadedFile[] = [],
) => readSubmissionForm({ body, files, kind, guide: sopot, pageLanguage: 'bg' });
const fields = (result: ReturnType<typeof read>) => result.problems.map((problem) => `${problem.field}:${problem.key}`);
const file = (name: string, size: number, tooLarge = false): UploadedFile => ({
  name,
  mediaType: 'application/pdf',
  size,
  buffer: Buffer.alloc(tooLarge ? 0 : size),
  tooLarge,
});

describe('the submission form', () => {
  it("turns a named citizen's form into intake's submission body", () => {
    const result = read({
      ...named,
      email: ' maria@example.bg ',
      phone: '0888 123 456',
      preferredChannel: 'email',
      language: 'en',
      healthSafetyThreat: 'yes',
      violationDate: '27.03.2026',
    });
    expect(result.problems).toEqual([]);
    expect(result.submission).toEqual({
      kind: 'signal',
      category: 'waste-cleanliness',
      text: 'Контейнерът не е изпразван от седмица.',
      healthSafetyThreat: true,
      language: 'en',
      violationDate: '2026-03-27',
      submitter: { name: 'Мария Петрова', email: 'maria@example.bg', phone: '0888 123 456', preferredChannel: 'email', language: 'en' },
    });
  });

  it('sends an anonymous one as anonymous, in the language of the page', () => {
    const result = read({ category: 'general', text: 'Пейки в парка.', anonymous: 'yes' }, 'proposal');
    expect(result.submission).toEqual({
      kind: 'proposal',
      category: 'general',
      text: 'Пейки в парка.',
      healthSafetyThreat: false,
      language: 'bg',
      anonymous: true,
    });
  });

  it('names every problem at once: empty text, no topic, a bad e-mail and phone', () => {
    const result = read({ category: '', text: '   ', anonymous: 'no', email: 'maria@', phone: '12' });
    expect(fields(result)).toEqual(['category:categoryRequired', 'text:textRequired', 'email:emailInvalid', 'phone:phoneInvalid']);
    expect(result.submission).toBeUndefined();
    // What was typed comes back to fill the form again.
    expect(result.values).toMatchObject({ email: 'maria@', phone: '12', anonymous: false });
  });

  it("takes only the tenant's topics for the kind, and at most 20,000 characters", () => {
    expect(fields(read({ ...named, category: 'public-information' }))).toEqual(['category:categoryInvalid']);
    expect(fields(read({ ...named, text: 'а'.repeat(20_001) }))).toEqual(['text:textTooLong']);
    expect(fields(read({ ...named, text: 'а'.repeat(20_000) }))).toEqual([]);
  });

  it('asks for a name or a contact unless anonymous, and for none when anonymous', () => {
    expect(fields(read({ ...named, name: '' }))).toEqual(['name:identityMissing']);
    expect(fields(read({ ...named, anonymous: 'yes' }))).toEqual(['anonymous:anonymousWithDetails']);
  });

  it('wants what the chosen answer channel needs', () => {
    expect(fields(read({ ...named, preferredChannel: 'email' }))).toEqual(['email:channelNeedsEmail']);
    expect(fields(read({ ...named, preferredChannel: 'phone' }))).toEqual(['phone:channelNeedsPhone']);
    expect(fields(read({ ...named, preferredChannel: 'post' }))).toEqual(['address:channelNeedsAddress']);
    expect(fields(read({ ...named, preferredChannel: 'fax' }))).toEqual(['preferredChannel:choiceInvalid']);
    expect(fields(read({ ...named, language: 'de' }))).toEqual(['language:choiceInvalid']);
  });

  it('ЗДОИ чл. 25: a request for public information names the person and an address for correspondence, never anonymous', () => {
    const body = { category: 'public-information', text: 'Договорите за сметоизвозване за 2026 г.', anonymous: 'yes' };
    expect(fields(read(body, 'public-information-request'))).toEqual(['name:fullNameRequired', 'address:correspondenceMissing']);
    const result = read({ ...body, name: 'Мария Петрова', email: 'maria@example.bg' }, 'public-information-request');
    expect(result.problems).toEqual([]);
    expect(result.submission?.anonymous).toBeUndefined();
  });

  it('ЗЗЛПСПОИН: a whistleblower report names the person and a way to reach them', () => {
    const body = { category: 'corruption', text: 'Поръчка без конкурс.' };
    expect(fields(read(body, 'whistleblower-report'))).toEqual(['name:fullNameRequired', 'email:reachMissing']);
    expect(read({ ...body, name: 'Иван Иванов', phone: '+359 888 123 456' }, 'whistleblower-report').problems).toEqual([]);
  });

  it('asks the health or safety mark and the date only where they matter', () => {
    const praise = read(
      { category: 'general', text: 'Благодаря!', anonymous: 'yes', healthSafetyThreat: 'yes', violationDate: 'вчера' },
      'praise',
    );
    expect(praise.problems).toEqual([]);
    expect(praise.submission).toMatchObject({ healthSafetyThreat: false });
    expect(praise.submission).not.toHaveProperty('violationDate');
    expect(fields(read({ ...named, violationDate: '31.02.2026' }))).toEqual(['violationDate:violationDateInvalid']);
  });

  it("keeps to the tenant's file limits (C2, or its defaults)", () => {
    const five = [1, 2, 3, 4, 5].map((i) => file(`${i}.pdf`, 1000));
    expect(fields(read(named, 'signal', five))).toEqual([]);
    expect(fields(read(named, 'signal', [...five, file('6.pdf', 1000)]))).toEqual(['attachments:filesTooMany']);
    const result = read(named, 'signal', [file('big.pdf', 10_485_761, true), file('empty.pdf', 0)]);
    expect(result.problems).toEqual([
      { field: 'attachments', key: 'fileTooLarge', args: ['big.pdf', { bytes: 10_485_760 }] },
      { field: 'attachments', key: 'fileEmpty', args: ['empty.pdf'] },
    ]);
    const strict = guideOf('sopot', { attachments: { maxFiles: 1, maxBytesPerFile: 500, mediaTypes: ['application/pdf'] } });
    const limited = readSubmissionForm({ body: named, files: [file('a.pdf', 501)], kind: 'signal', guide: strict, pageLanguage: 'bg' });
    expect(fields(limited)).toEqual(['attachments:fileTooLarge']);
  });
});

describe('what people type', () => {
  it('e-mail addresses and phone numbers', () => {
    expect(validEmail('maria@example.bg')).toBe(true);
    expect(validEmail('maria@example')).toBe(false);
    expect(validPhone('+359 888 123 456')).toBe(true);
    expect(validPhone('03134/2054')).toBe(true);
    expect(validPhone('12345')).toBe(false);
    expect(validPhone('0888 abc')).toBe(false);
  });

  it('dates as a date field sends them and as Bulgarians write them', () => {
    expect(readDate('2026-03-27')).toBe('2026-03-27');
    expect(readDate('27.03.2026')).toBe('2026-03-27');
    expect(readDate('7/3/2026')).toBe('2026-03-07');
    expect(readDate('29.02.2026')).toBeUndefined();
    expect(readDate('2026-13-01')).toBeUndefined();
  });
});
