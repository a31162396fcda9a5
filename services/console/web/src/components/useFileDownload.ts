import { useEffect, useRef, useState } from 'react';
import { saveFile } from '../api/save-file';

export type FileDownload<F extends string> =
  | { format: F; state: 'preparing' }
  | { format: F; state: 'ready'; url: string; name: string }
  | { format: F; state: 'failed'; error: unknown };

/**
 * A file fetched for the person (a dossier, an export, a receipt): its state for the page to show, the object
 * URL kept (a link to it stays in case the browser did not start the download) and revoked when the next one
 * comes or the page goes.
 */
export function useFileDownload<F extends string>() {
  const [download, setDownload] = useState<FileDownload<F> | null>(null);
  const current = useRef<string | null>(null);

  const release = () => {
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = null;
  };
  useEffect(() => release, []);

  const start = async (format: F, fetchFile: () => Promise<{ blob: Blob; name: string }>) => {
    release();
    setDownload({ format, state: 'preparing' });
    try {
      const { blob, name } = await fetchFile();
      const url = URL.createObjectURL(blob);
      current.current = url;
      setDownload({ format, state: 'ready', url, name });
      saveFile(url, name);
    } catch (error) {
      setDownload({ format, state: 'failed', error });
    }
  };

  return { download, start };
}
