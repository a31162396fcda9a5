import type { FieldProblem } from '@civic/platform';
import { fileNameOf, type Upload } from '../attachments/uploads';
import type { SubmissionForm } from '../cases/case-intake.service';

/** C1: the submission as JSON text in one part, the files in parts of this name. */
export const SUBMISSION_PART = 'submission';
export const ATTACHMENTS_PART = 'attachments';

/** A file part as multer hands it over (memory storage). */
export interface ReceivedFile {
  fieldname: string;
  originalname: string;
  buffer: Buffer;
}

/**
 * A multipart submission as the service takes it: the `submission` part parsed as the JSON body it stands
 * for, the `attachments` parts as uploads in their order, and every problem with the parts themselves.
 */
export function submissionForm(fields: unknown, files: readonly ReceivedFile[]): { body: unknown; form: SubmissionForm } {
  const parts: Record<string, unknown> = fields !== null && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
  const problems: FieldProblem[] = [];
  let body: unknown;
  let submissionRead = false;
  const text = parts[SUBMISSION_PART];
  if (text === undefined) {
    problems.push({ field: SUBMISSION_PART, reason: 'is required: the submission as JSON, in a part named submission' });
  } else if (typeof text !== 'string') {
    problems.push({ field: SUBMISSION_PART, reason: 'must be sent once, as JSON text' });
  } else {
    try {
      body = JSON.parse(text);
      submissionRead = true;
    } catch {
      problems.push({ field: SUBMISSION_PART, reason: 'is not valid JSON' });
    }
  }
  for (const name of Object.keys(parts)) {
    if (name !== SUBMISSION_PART) problems.push({ field: name, reason: 'is not a known part: send submission and attachments only' });
  }
  const uploads: Upload[] = [];
  for (const file of files) {
    if (file.fieldname === ATTACHMENTS_PART) uploads.push({ name: fileNameOf(file.originalname, uploads.length), bytes: file.buffer });
    else problems.push({ field: file.fieldname, reason: 'is not a known part: files go in parts named attachments' });
  }
  return { body, form: { uploads, problems, submissionRead } };
}
