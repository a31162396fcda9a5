import type { CaseReader, RegisteredCaseHistory } from '@civic/platform';
import { CaseNotFoundError } from './errors';

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
