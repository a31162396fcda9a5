import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading';
import { useFlaggedCases } from './registry/useFlaggedCases';

/** /registry: the registrar's two tasks, with how many cases wait for a decision. */
export default function RegistryPage() {
  const { t } = useTranslation();
  const flagged = useFlaggedCases(1);
  return (
    <>
      <PageHeading title={t('sections.registry')} />
      <p>{t('registry.index.intro')}</p>
      <ul className="tasks">
        <li className="card">
          <h2>
            <Link to="/registry/new">{t('registry.index.register')}</Link>
          </h2>
          <p>{t('registry.index.registerHint')}</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/registry/screening">{t('registry.index.screening')}</Link>
          </h2>
          <p>{t('registry.index.screeningHint')}</p>
          {flagged.data && <p className="summary">{t('registry.index.waiting', { count: flagged.data.total ?? 0 })}</p>}
        </li>
      </ul>
    </>
  );
}
