import type { CaseReader, RegisteredCaseHistory } from '@civic/platform';
import { CaseNotFoundError } from './errors';

/** The case reader on the decrypting case store: for the desk's content, read only for those who may see it. */
export const CONTENT_READER = Symbol('CONTENT_READER');

/**
 * A registered case of this tenant; any other id (malformed, unknown, another tenant's) is not found,
 * named by what it was asked by, so nothing is learnt by guessing.
 */
export async function registeredCase(
  reader: CaseReader,
  tenant: string,
  caseId: string,
  askedBy: CaseNotFoundError['field'] = 'caseId',
): Promise<RegisteredCaseHistory> {
  const found = await reader.registered(tenant, caseId);
  if (!found) throw new CaseNotFoundError(askedBy);
  return found;
}
