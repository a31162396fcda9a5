import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { useSession } from '../session/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';
import { UserBadge } from './UserBadge';

export function Header() {
  const { t } = useTranslation();
  const { tenant } = useSession();
  return (
    <header className="header">
      <div className="header__brand">
        <span className="header__tenant">{tenant.name[currentLanguage()]}</span>
        <span className="header__app">{t('app.name')}</span>
      </div>
      <div className="header__tools">
        <UserBadge />
        <LanguageSwitch />
        <SignOutButton />
      </div>
    </header>
  );
}
