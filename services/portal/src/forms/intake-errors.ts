import type { ErrorItem } from '../intake/public-api';
import type { Problem } from '../i18n';
import { LIMITS, type UploadedFile } from './submission-form';
import type { AttachmentLimits } from '../intake/public-api';

/** Where intake's field names land on the submission form; what is not here goes to the error summary. */
const SUBMISSION_FIELDS: Record<string, string> = {
  text: 'text',
  category: 'category',
  language: 'language',
  violationDate: 'violationDate',
  healthSafetyThreat: 'healthSafetyThreat',
  anonymous: 'anonymous',
  submitter: 'name',
  'submitter.name': 'name',
  'submitter.email': 'email',
  'submitter.phone': 'phone',
  'submitter.address': 'address',
  'submitter.preferredChannel': 'preferredChannel',
  'submitter.language': 'language',
};

const ATTACHMENT = /^attachments(?:\[(\d+)\]|\.(\d+))?(?:\.|$)/;
const TOO_LONG = /at most/;
const MISSING = /required|empty|at least 1/;

/** intake's refusal of a submission (400, C1's attachment codes included) as problems next to the form's fields. */
export function submissionProblems(errors: ErrorItem[], files: UploadedFile[], limits: AttachmentLimits): Problem[] {
  return errors.map((error) => {
    const attachment = ATTACHMENT.exec(error.field);
    if (attachment) return attachmentProblem(error, files[Number(attachment[1] ?? attachment[2])], limits);
    const field = SUBMISSION_FIELDS[error.field];
    if (field === undefined) return unknown(error);
    const { reason } = error;
    switch (field) {
      case 'text':
        if (TOO_LONG.test(reason)) return { field, key: 'textTooLong', args: [LIMITS.text] };
        return MISSING.test(reason) ? { field, key: 'textRequired' } : notAccepted(field, error);
      case 'category':
        return MISSING.test(reason) ? { field, key: 'categoryRequired' } : { field, key: 'categoryInvalid' };
      case 'email':
        return TOO_LONG.test(reason) ? { field, key: 'emailTooLong' } : { field, key: 'emailInvalid' };
      case 'phone':
        return { field, key: 'phoneInvalid' };
      case 'address':
        return TOO_LONG.test(reason) ? { field, key: 'addressTooLong' } : notAccepted(field, error);
      case 'name':
        if (error.field === 'submitter') return { field, key: 'identityMissing' };
        return TOO_LONG.test(reason) ? { field, key: 'nameTooLong' } : notAccepted(field, error);
      case 'anonymous':
        return { field, key: 'anonymousWithDetails' };
      case 'violationDate':
        return /calendar date/.test(reason) ? { field, key: 'violationDateInvalid' } : notAccepted(field, error);
      case 'preferredChannel':
      case 'language':
        return { field, key: 'choiceInvalid' };
      default:
        return notAccepted(field, error);
    }
  });
}

function attachmentProblem(error: ErrorItem, file: UploadedFile | undefined, limits: AttachmentLimits): Problem {
  const field = 'attachments';
  const name = file?.name ?? error.field;
  switch (error.code) {
    case 'attachment-too-large':
      return { field, key: 'fileTooLarge', args: [name, { bytes: limits.maxBytesPerFile }] };
    case 'attachment-type-not-allowed':
      return { field, key: 'fileTypeNotAllowed', args: [name] };
    case 'attachment-empty':
      return { field, key: 'fileEmpty', args: [name] };
    case 'attachment-infected':
      return { field, key: 'fileInfected', args: [name] };
    case 'too-many-attachments':
      return { field, key: 'filesTooMany', args: [limits.maxFiles] };
    default:
      return notAccepted(field, error);
  }
}

/** intake's refusal of a reply, a rating or a withdrawal, next to the tracking page's fields. */
export function caseActionProblems(errors: ErrorItem[]): Problem[] {
  return errors.map((error) => {
    switch (error.field) {
      case 'text':
        return TOO_LONG.test(error.reason) ? { field: 'text', key: 'informationTooLong' } : { field: 'text', key: 'informationRequired' };
      case 'rating':
        return { field: 'rating', key: 'ratingRequired' };
      case 'comment':
      case 'recommendation':
      case 'reason':
        return TOO_LONG.test(error.reason) ? { field: error.field, key: 'commentTooLong' } : notAccepted(error.field, error);
      default:
        return unknown(error);
    }
  });
}

const notAccepted = (field: string, error: ErrorItem): Problem => ({ field, key: 'notAccepted', detail: error.reason });

const unknown = (error: ErrorItem): Problem => ({ field: 'summary', key: 'notAccepted', detail: `${error.field}: ${error.reason}` });
