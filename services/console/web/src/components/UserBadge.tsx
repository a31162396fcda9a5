import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { useRoleName } from './useRoleName';

/** The signed-in user's name and roles. */
export function UserBadge() {
  const { t } = useTranslation();
  const { user } = useSession();
  const roleName = useRoleName();
  return (
    <p className="user">
      <span className="visually-hidden">{t('shell.signedInAs')} </span>
      <span className="user__name">{user.name}</span>
      <span className="user__roles">{user.roles.map(roleName).join(', ')}</span>
    </p>
  );
}
