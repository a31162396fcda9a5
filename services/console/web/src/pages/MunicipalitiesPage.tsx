import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { currentLanguage } from '../i18n';
import { municipalityPath } from './municipalities/charterForm';
import { useMunicipalities } from './municipalities/useMunicipalities';

/**
 * /platform/municipalities: every municipality the platform serves (the platform operator's), with the version of
 * its charter in force and the latest; a new one is registered from its charter data.
 */
export default function MunicipalitiesPage() {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const language = currentLanguage();
  const columns = {
    name: t('municipalities.list.name'),
    slug: t('municipalities.list.slug'),
    prefix: t('municipalities.list.prefix'),
    version: t('municipalities.list.version'),
    latest: t('municipalities.list.latest'),
  };

  return (
    <>
      <PageHeading title={t('municipalities.title')} />
      <p>{t('municipalities.intro')}</p>
      <p>
        <Link to="/platform/municipalities/new" className="button">
          {t('municipalities.register.link')}
        </Link>
      </p>
      {municipalities.isPending ? (
        <Loading />
      ) : municipalities.isError ? (
        <ErrorPanel error={municipalities.error} onRetry={() => void municipalities.refetch()} />
      ) : municipalities.data.length === 0 ? (
        <p className="empty">{t('municipalities.list.none')}</p>
      ) : (
        <table className="cases">
          <caption className="visually-hidden">{t('municipalities.list.caption', { count: municipalities.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{columns.name}</th>
              <th scope="col">{columns.slug}</th>
              <th scope="col">{columns.prefix}</th>
              <th scope="col">{columns.version}</th>
              <th scope="col">{columns.latest}</th>
            </tr>
          </thead>
          <tbody>
            {municipalities.data.map((municipality) => (
              <tr key={municipality.tenant}>
                <th scope="row" data-label={columns.name}>
                  <Link to={municipalityPath(municipality.tenant)}>{municipality.name[language]}</Link>
                </th>
                <td data-label={columns.slug}>
                  <span className="code">{municipality.tenant}</span>
                </td>
                <td data-label={columns.prefix}>
                  <span className="code">{municipality.registryPrefix}</span>
                </td>
                <td data-label={columns.version}>{municipality.version}</td>
                <td data-label={columns.latest}>
                  {municipality.latestVersion === municipality.version
                    ? t('municipalities.list.sameAsInForce', { version: municipality.latestVersion })
                    : t('municipalities.list.waiting', { version: municipality.latestVersion })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
