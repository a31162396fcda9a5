import { useQuery, useQueryClient } from '@tanstack/react-query';
import { notification } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

/** How often and how long to look for the acknowledgement letter: notification makes it seconds after registration. */
export const LETTER_POLL_MS = 2_000;
export const LETTER_POLL_TRIES = 10;

export type Letter = { notificationId: string; template: string; createdAt: string; url: string };

/**
 * The case's printable letters, asked again every 2 s until the acknowledgement is there or 10 tries have passed.
 * `url` is the service's path; the console's proxy serves it under /api/notification.
 */
export function useAcknowledgementLetter(caseId: string, enabled: boolean) {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const queryKey = ['letters', tenant.slug, caseId];
  const query = useQuery({
    queryKey,
    enabled,
    queryFn: async ({ signal }) => {
      const list = unwrap(
        await notification.GET('/tenants/{tenant}/cases/{caseId}/letters', { params: { path: { tenant: tenant.slug, caseId } }, signal }),
      );
      return list.letters.find((letter) => letter.template === 'acknowledgement') ?? null;
    },
    refetchInterval: (query) => (query.state.data === null && query.state.dataUpdateCount < LETTER_POLL_TRIES ? LETTER_POLL_MS : false),
  });
  // Given up looking: no letter after every try (the acknowledgement went by e-mail or SMS), until asked again.
  const tries = queryClient.getQueryState(queryKey)?.dataUpdateCount ?? 0;
  return { query, none: query.data === null && tries >= LETTER_POLL_TRIES && !query.isFetching };
}

export function letterHref(letter: Letter): string {
  return `/api/notification${letter.url}`;
}
