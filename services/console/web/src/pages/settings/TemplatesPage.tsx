import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TemplateSummary } from '../../api/admin';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SettingsNav } from './SettingsNav';
import { useTemplates } from './useTemplates';

/** The messages the platform sends, each in both languages: whose wording is in force, and a link to edit it. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useTemplates();
  const byMessage = new Map<string, TemplateSummary[]>();
  for (const template of templates.data?.templates ?? [])
    byMessage.set(template.message, [...(byMessage.get(template.message) ?? []), template]);
  const columns = {
    message: t('admin.settings.templates.message'),
    audience: t('admin.settings.templates.audience'),
    source: t('admin.settings.templates.source'),
  };

  return (
    <>
      <PageHeading title={t('admin.settings.templates.title')} />
      <SettingsNav />
      {templates.isPending ? (
        <Loading />
      ) : templates.isError ? (
        <ErrorPanel error={templates.error} onRetry={() => void templates.refetch()} />
      ) : byMessage.size === 0 ? (
        <p className="empty">{t('admin.settings.templates.none')}</p>
      ) : (
        <table className="cases">
          <caption className="visually-hidden">{t('admin.settings.templates.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.message}</th>
              <th scope="col">{columns.audience}</th>
              <th scope="col">{columns.source}</th>
            </tr>
          </thead>
          <tbody>
            {[...byMessage.entries()].map(([message, versions]) => (
              <tr key={message}>
                <th scope="row" data-label={columns.message}>
                  <Link to={`/settings/templates/${message}`}>{t(`admin.settings.templates.messages.${message as 'answer'}`)}</Link>
                  <span className="facts__note muted">{versions[0]?.description}</span>
                </th>
                <td data-label={columns.audience}>{t(`admin.settings.templates.audiences.${versions[0]?.audience ?? 'submitter'}`)}</td>
                <td data-label={columns.source}>
                  {versions.map((version) => (
                    <span key={version.language} className="facts__note">
                      {t(`languages.${version.language}`)}: {t(`admin.settings.templates.sources.${version.source}`)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
