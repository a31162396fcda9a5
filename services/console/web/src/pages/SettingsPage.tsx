import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading';
import { SETTINGS_PAGES } from './settings/SettingsNav';

/** The tenant admin's settings: what each page sets up. */
export default function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('admin.settings.title')} />
      <ul className="settings-index">
        {SETTINGS_PAGES.map((id) => (
          <li key={id} className="card">
            <h2>
              <Link to={`/settings/${id}`}>{t(`admin.settings.pages.${id}`)}</Link>
            </h2>
            <p>{t(`admin.settings.about.${id}`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
