import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionContext';
import { attachmentAvailability, attachmentDownloadPath, sizeInWords, type DeskAttachment } from './attachmentFiles';

/**
 * The files the citizen attached: name, type, size in words and where each stands. A clean file is a plain
 * download link (the console's proxy forwards it to intake with the session; intake records the read); one still
 * being scanned or found infected cannot be opened, and says so.
 */
export function Attachments({ caseId, attachments }: { caseId: string; attachments: readonly DeskAttachment[] }) {
  const { t, i18n } = useTranslation();
  const { tenant } = useSession();
  if (attachments.length === 0) return null;
  return (
    <>
      <h3>{t('case.attachments.title')}</h3>
      <ul className="attachments">
        {attachments.map((attachment, index) => {
          const availability = attachmentAvailability(attachment);
          const name = attachment.name ?? t('case.attachments.erased');
          const details = `${attachment.mediaType}, ${sizeInWords(attachment.size, i18n.language)}`;
          return (
            <li key={attachment.id ?? index} className="attachment">
              {availability === 'download' && attachment.id != null ? (
                <a href={attachmentDownloadPath(tenant.slug, caseId, attachment.id)} download={name}>
                  {name}
                </a>
              ) : (
                <span>{name}</span>
              )}{' '}
              <span className="attachment__details">({details})</span>
              {availability === 'pending' && (
                <>
                  {' '}
                  <span className="attachment__status">{t('case.attachments.pending')}</span>
                </>
              )}
              {availability === 'infected' && (
                <>
                  {' '}
                  <span className="attachment__status attachment__status--blocked">{t('case.attachments.infected')}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
