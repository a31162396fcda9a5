import { analytics } from './clients';
import { ApiError } from './errors';
import { saveFile } from './save-file';

export type ReportFormat = 'csv' | 'pdf';

const FILE_NAME = /filename="?([^";]+)"?/i;

/** The file name the service gives in Content-Disposition, else a sensible one. */
export function reportFileName(disposition: string | null, fallback: string): string {
  const match = disposition ? FILE_NAME.exec(disposition) : null;
  return match?.[1]?.trim() || fallback;
}

/**
 * The annual report as a file: fetched as a blob (so the page can say it is being prepared; the PDF takes a
 * moment), then handed to the browser as a download under the service's file name.
 */
export async function downloadReport(tenant: string, year: number, format: ReportFormat): Promise<string> {
  const result = await analytics.GET('/tenants/{tenant}/reports/{file}', {
    params: { path: { tenant, file: `${year}.${format}` } },
    parseAs: 'blob',
  });
  if (!result.response.ok || !(result.data instanceof Blob)) throw new ApiError(result.response.status, undefined);
  const name = reportFileName(result.response.headers.get('content-disposition'), `${tenant}-feedback-${year}.${format}`);
  const url = URL.createObjectURL(result.data);
  try {
    saveFile(url, name);
  } finally {
    // The click has started the download; the object URL is not needed after this turn of the event loop.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
