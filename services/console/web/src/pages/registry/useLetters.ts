import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { notification } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';

/**
 * How often and how long to look for the acknowledgement letter: notification makes it seconds after registration
 * (longer while its consumer is still starting or catching up), so every 2 s for up to a minute.
 */
export const LETTER_POLL_MS = 2_000;
export const LETTER_POLL_TRIES = 30;

export type Letter = { notificationId: string; template: string; createdAt: string; url: string };

/**
 * The case's acknowledgement letter, asked for again until it is there or the tries are used up (`none`);
 * `lookAgain` starts another round. Each answer counts its try, so the page re-renders on every one.
 */
export function useAcknowledgementLetter(caseId: string, enabled: boolean) {
  const { tenant } = useSession();
  const tries = useRef(0);
  const query = useQuery({
    queryKey: ['letters', tenant.slug, caseId],
    enabled,
    queryFn: async ({ signal }) => {
      const list = unwrap(
        await notification.GET('/tenants/{tenant}/cases/{caseId}/letters', { params: { path: { tenant: tenant.slug, caseId } }, signal }),
      );
      tries.current += 1;
      return { letter: list.letters.find((letter) => letter.template === 'acknowledgement') ?? null, tries: tries.current };
    },
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && data.letter === null && data.tries < LETTER_POLL_TRIES ? LETTER_POLL_MS : false;
    },
  });
  const data = query.data;
  return {
    query,
    letter: data?.letter ?? null,
    none: data !== undefined && data.letter === null && data.tries >= LETTER_POLL_TRIES,
    lookAgain: () => {
      tries.current = 0;
      void query.refetch();
    },
  };
}

/** `url` is the service's path; the console's proxy serves it under /api/notification. */
export function letterHref(letter: Letter): string {
  return `/api/notification${letter.url}`;
}
