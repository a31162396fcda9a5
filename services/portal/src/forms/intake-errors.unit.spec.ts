import { DEFAULT_ATTACHMENT_LIMITS } from '../tenants/guide';
import { caseActionProblems, submissionProblems } from './intake-errors';
import type { UploadedFile } from './submission-form';

const files: UploadedFile[] = [
  { name: 'снимка.jpg', mediaType: 'image/jpeg', size: 10, buffer: Buffer.alloc(10), tooLarge: false },
  { name: 'invoice.pdf.exe', mediaType: 'application/pdf', size: 10, buffer: Buffer.alloc(10), tooLarge: false },
];

describe("intake's refusals on the form", () => {
  it("put intake's field names on the form's fields, in the page's words", () => {
    const problems = submissionProblems(
      [
        { field: 'text', reason: 'is required' },
        { field: 'submitter.email', reason: 'must be an e-mail address' },
        { field: 'submitter.phone', reason: 'must be a phone number' },
        { field: 'category', reason: 'is not a category of sopot; one of: general' },
        { field: 'submitter', reason: 'give at least a name, an e-mail, a phone or an address, or send "anonymous": true instead' },
        { field: 'submitter.language', reason: 'sopot answers in: bg, en' },
        { field: 'text', reason: 'must be at most 20000 characters' },
      ],
      [],
      DEFAULT_ATTACHMENT_LIMITS,
    );
    expect(problems.map((problem) => `${problem.field}:${problem.key}`)).toEqual([
      'text:textRequired',
      'email:emailInvalid',
      'phone:phoneInvalid',
      'category:categoryInvalid',
      'name:identityMissing',
      'language:choiceInvalid',
      'text:textTooLong',
    ]);
  });

  it("name the file C1's codes are about", () => {
    const problems = submissionProblems(
      [
        { field: 'attachments[1]', reason: 'is not an allowed type', code: 'attachment-type-not-allowed' },
        { field: 'attachments[0]', reason: 'is larger than 10000000 bytes', code: 'attachment-too-large' },
        { field: 'attachments', reason: 'at most 5', code: 'too-many-attachments' },
        { field: 'attachments[0]', reason: 'contains a virus', code: 'attachment-infected' },
        { field: 'attachments[1]', reason: 'is empty', code: 'attachment-empty' },
      ],
      files,
      DEFAULT_ATTACHMENT_LIMITS,
    );
    expect(problems).toEqual([
      { field: 'attachments', key: 'fileTypeNotAllowed', args: ['invoice.pdf.exe'] },
      { field: 'attachments', key: 'fileTooLarge', args: ['снимка.jpg', { bytes: 10_485_760 }] },
      { field: 'attachments', key: 'filesTooMany', args: [5] },
      { field: 'attachments', key: 'fileInfected', args: ['снимка.jpg'] },
      { field: 'attachments', key: 'fileEmpty', args: ['invoice.pdf.exe'] },
    ]);
  });

  it("send what the form has no field for to the summary, with intake's own words", () => {
    expect(submissionProblems([{ field: 'kind', reason: 'must be one of …' }], [], DEFAULT_ATTACHMENT_LIMITS)).toEqual([
      { field: 'summary', key: 'notAccepted', detail: 'kind: must be one of …' },
    ]);
    expect(submissionProblems([{ field: 'violationDate', reason: 'is in the future' }], [], DEFAULT_ATTACHMENT_LIMITS)).toEqual([
      { field: 'violationDate', key: 'notAccepted', detail: 'is in the future' },
    ]);
  });

  it("put the tracking page's refusals next to its fields", () => {
    expect(
      caseActionProblems([
        { field: 'text', reason: 'must not be empty' },
        { field: 'rating', reason: 'must be from 1 to 5' },
        { field: 'recommendation', reason: 'must be at most 2000 characters' },
        { field: 'body', reason: 'is not JSON' },
      ]),
    ).toEqual([
      { field: 'text', key: 'informationRequired' },
      { field: 'rating', key: 'ratingRequired' },
      { field: 'recommendation', key: 'commentTooLong' },
      { field: 'summary', key: 'notAccepted', detail: 'body: is not JSON' },
    ]);
  });
});
