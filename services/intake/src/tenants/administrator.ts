import type { Principal } from '@civic/auth';
import type { Actor } from '@civic/domain';

/**
 * The caller as the actor of a change to a municipality's set-up (its charter, its Open311 keys): the platform
 * operator when they are one, otherwise their role (the routes let in only the municipality's tenant admin).
 * The deciders check the role.
 */
export const administratorOf = (principal: Principal): Actor => ({
  id: principal.sub,
  role: principal.roles.includes('platform-operator') ? 'platform-operator' : (principal.roles[0] ?? 'citizen'),
});
