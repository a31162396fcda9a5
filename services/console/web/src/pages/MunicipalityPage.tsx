import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ErrorPanel } from '../components/ErrorPanel';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../format/useFormat';
import { currentLanguage } from '../i18n';
import { municipalityPath, recordedOf } from './municipalities/charterForm';
import { Open311Clients } from './municipalities/Open311Clients';
import { ReadinessSection } from './municipalities/ReadinessSection';
import { useMunicipality } from './municipalities/useMunicipalities';
import { VersionHistory } from './municipalities/VersionHistory';

/** The charter's name in the person's language, if the data has one (the charter is the service's, not typed here). */
function nameOf(charter: Record<string, unknown> | undefined): string | undefined {
  const name = charter?.name;
  if (typeof name !== 'object' || name === null) return undefined;
  const text = (name as Record<string, unknown>)[currentLanguage()];
  return typeof text === 'string' ? text : undefined;
}

/**
 * /platform/municipalities/:slug: one municipality as the platform operator sets it up: its go-live check list,
 * the versions of its charter (and a new one from a day on), and its Open311 clients' keys.
 */
export default function MunicipalityPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const location = useLocation();
  const format = useFormat();
  const municipality = useMunicipality(slug);
  const navigate = useNavigate();
  // What the form just recorded, said once: the history's entry forgets it, so going back or reloading does not repeat it.
  const [recorded] = useState(() => recordedOf(location.state));
  useEffect(() => {
    if (recordedOf(location.state)) void navigate(location.pathname, { replace: true, state: null });
  }, []);
  const record = municipality.data?.record;
  const charter = record?.charter;
  const latest = record?.versions.at(-1);
  const inForce = record?.versions.find((version) => version.inForce);

  return (
    <>
      <PageHeading title={nameOf(charter) ?? slug} />
      <p>
        <Link to="/platform/municipalities">{t('municipalities.back')}</Link>
      </p>
      {recorded && (
        <p role="status" className="notice notice--success">
          {recorded.kind === 'registered'
            ? t('municipalities.recorded.registered', { version: recorded.version, date: format.date(recorded.effectiveFrom) })
            : t('municipalities.recorded.revised', { version: recorded.version, date: format.date(recorded.effectiveFrom) })}
        </p>
      )}
      {municipality.isPending ? (
        <Loading />
      ) : municipality.isError ? (
        <ErrorPanel error={municipality.error} onRetry={() => void municipality.refetch()} />
      ) : (
        <div className="case">
          <section className="card" aria-labelledby="municipality-facts">
            <h2 id="municipality-facts">{t('municipalities.detail.facts')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('municipalities.list.slug')}</dt>
                <dd className="code">{slug}</dd>
              </div>
              <div>
                <dt>{t('municipalities.list.prefix')}</dt>
                <dd className="code">{typeof charter?.registryPrefix === 'string' ? charter.registryPrefix : ''}</dd>
              </div>
              <div>
                <dt>{t('municipalities.list.version')}</dt>
                <dd>
                  {inForce ? t('municipalities.detail.since', { version: inForce.version, date: format.date(inForce.effectiveFrom) }) : ''}
                </dd>
              </div>
              <div>
                <dt>{t('municipalities.list.latest')}</dt>
                <dd>
                  {latest && inForce && latest.version !== inForce.version
                    ? t('municipalities.detail.scheduled', { version: latest.version, date: format.date(latest.effectiveFrom) })
                    : t('municipalities.list.sameAsInForce', { version: latest?.version ?? '' })}
                </dd>
              </div>
            </dl>
            <p className="municipality__actions">
              <Link to={`${municipalityPath(slug)}/new-version`} className="button">
                {t('municipalities.revise.link')}
              </Link>
            </p>
          </section>
          <ReadinessSection slug={slug} />
          <VersionHistory versions={municipality.data.record.versions} />
          <Open311Clients slug={slug} />
        </div>
      )}
    </>
  );
}
