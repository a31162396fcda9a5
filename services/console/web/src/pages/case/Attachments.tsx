import { useTranslation } from 'react-i18next';

interface Attachment {
  name: string | null;
  mediaType: string;
  size: number;
}

/** Attachments are described, not carried: name, type and size (the files themselves are not reachable here yet). */
export function Attachments({ attachments }: { attachments: Attachment[] }) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  const kilobytes = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  return (
    <>
      <h3>{t('case.attachments.title')}</h3>
      <ul className="attachments">
        {attachments.map((attachment, index) => (
          <li key={index}>
            {attachment.name ?? t('case.attachments.erased')} ({attachment.mediaType},{' '}
            {t('case.attachments.size', { size: kilobytes.format(Math.max(1, attachment.size / 1024)) })})
          </li>
        ))}
      </ul>
    </>
  );
}
