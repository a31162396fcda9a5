import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

export const SETTINGS_PAGES = ['units', 'officers', 'rules', 'templates'] as const;

/** The settings' own pages, as links; the current one is marked for screen readers too. */
export function SettingsNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.settings.nav')}>
      <ul className="filters__list">
        {SETTINGS_PAGES.map((id) => (
          <li key={id}>
            <NavLink className="filters__link" to={`/settings/${id}`}>
              {t(`admin.settings.pages.${id}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
