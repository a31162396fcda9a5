import { intake } from './clients';
import { ApiError, unwrap } from './errors';
import type { components } from './generated/intake';
import { reportFileName } from './reports';

export type DataSubjectRequest = components['schemas']['DataSubjectSearchDto'];
export type VerificationMethod = DataSubjectRequest['verification']['method'];
export type PersonCases = components['schemas']['PersonCasesDto'];
export type PersonCase = PersonCases['cases'][number];
export type ErasureReceipt = components['schemas']['ErasureReceiptDto'];
export type ExportFormat = 'pdf' | 'json';

export const VERIFICATION_METHODS: readonly VerificationMethod[] = [
  'identity-document',
  'qualified-electronic-signature',
  'confirmed-contact',
];

// The contacts travel in the body (never in a URL, which logs and proxies keep); intake records every call in the
// tenant's audit log with how the person was verified.

export async function searchDataSubject(tenant: string, body: DataSubjectRequest): Promise<PersonCases> {
  return unwrap(await intake.POST('/tenants/{tenant}/data-subjects/search', { params: { path: { tenant } }, body }));
}

export async function eraseDataSubject(tenant: string, body: DataSubjectRequest, caseIds: string[]): Promise<ErasureReceipt> {
  return unwrap(
    await intake.POST('/tenants/{tenant}/data-subjects/erasure', {
      params: { path: { tenant } },
      body: { ...body, caseIds },
    }),
  );
}

const MEDIA_TYPES: Record<ExportFormat, string> = { pdf: 'application/pdf', json: 'application/json' };

/**
 * Everything held about the person, as a file: fetched as a blob (a POST, so not a plain link), then handed to
 * the browser under the service's file name (the PDF has one; the JSON is named after the person's id).
 */
export async function exportDataSubject(
  tenant: string,
  body: DataSubjectRequest,
  format: ExportFormat,
  dataSubjectId: string,
): Promise<{ blob: Blob; name: string }> {
  const result = await intake.POST('/tenants/{tenant}/data-subjects/export', {
    params: { path: { tenant }, header: { Accept: MEDIA_TYPES[format] } },
    body,
    parseAs: 'blob',
  });
  if (!result.response.ok || !(result.data instanceof Blob)) throw new ApiError(result.response.status, undefined);
  const fallback = `personal-data-${dataSubjectId.slice(0, 8)}.${format}`;
  return { blob: result.data, name: reportFileName(result.response.headers.get('content-disposition'), fallback) };
}

/** An erasure's receipt as a PDF, to hand to the person: intake keeps it (in the audit log) under the erasure's id. */
export async function erasureReceiptPdf(tenant: string, requestId: string): Promise<{ blob: Blob; name: string }> {
  const result = await intake.GET('/tenants/{tenant}/data-subjects/erasures/{requestId}', {
    params: { path: { tenant, requestId }, header: { Accept: MEDIA_TYPES.pdf } },
    parseAs: 'blob',
  });
  if (!result.response.ok || !(result.data instanceof Blob)) throw new ApiError(result.response.status, undefined);
  return { blob: result.data, name: reportFileName(result.response.headers.get('content-disposition'), `erasure-${requestId}.pdf`) };
}
