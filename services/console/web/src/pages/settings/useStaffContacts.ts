import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffRoles } from '../../api/admin';
import { notification } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

/** notification's staff directory: who is written to at which address. */
export function useStaffContacts() {
  const { tenant } = useSession();
  return useQuery({
    queryKey: ['notification', tenant.slug, 'staff-contacts'],
    queryFn: async ({ signal }) =>
      unwrap(await notification.GET('/tenants/{tenant}/staff-contacts', { params: { path: { tenant: tenant.slug } }, signal })),
  });
}

/** Sets (PUT) or, with an empty address, removes (DELETE) one person's work address, keeping the roles they are written to as. */
export function useSaveContact() {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, email, roles }: { userId: string; email: string; roles: string[] }) => {
      const path = { tenant: tenant.slug, userId };
      if (email === '') {
        unwrap(await notification.DELETE('/tenants/{tenant}/staff-contacts/{userId}', { params: { path } }));
        return;
      }
      unwrap(
        await notification.PUT('/tenants/{tenant}/staff-contacts/{userId}', {
          params: { path },
          body: { email, roles: staffRoles(roles) },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notification', tenant.slug, 'staff-contacts'] }),
  });
}
