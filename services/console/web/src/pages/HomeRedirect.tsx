import { Navigate } from 'react-router-dom';
import { sectionsFor } from '../navigation';
import { useSession } from '../session/SessionContext';
import NoSectionsPage from './NoSectionsPage';

/** "/" opens the first section the user's roles give them. */
export function HomeRedirect() {
  const { user } = useSession();
  const [first] = sectionsFor(user.roles);
  return first ? <Navigate to={first.path} replace /> : <NoSectionsPage />;
}
