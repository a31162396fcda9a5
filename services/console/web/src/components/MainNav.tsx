import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { sectionsFor } from '../navigation';
import { useSession } from '../session/SessionContext';

/** The sections the user's roles give them; NavLink marks the current one with aria-current="page". */
export function MainNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const sections = sectionsFor(user.roles);
  if (sections.length === 0) return null;
  return (
    <nav className="nav" aria-label={t('shell.navigation')}>
      <ul className="nav__list">
        {sections.map((section) => (
          <li key={section.id}>
            <NavLink to={section.path} className="nav__link" end={section.end}>
              {t(`sections.${section.id}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
