import type { DeskCaseContent } from './desk-content';

/** The fields the desk's view showed, by name, for the audit log's entry (never their values). */
export function fieldsShown(content: DeskCaseContent): string[] {
  return [
    'submission.text',
    ...(content.submission.attachments.length > 0 ? ['submission.attachments'] : []),
    ...(content.submitter === null ? [] : Object.keys(content.submitter).map((field) => `submitter.${field}`)),
    ...(content.replies.length > 0 ? ['replies'] : []),
    ...(content.answers.length > 0 ? ['answers'] : []),
  ];
}
