import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { AnswerBody, CloseBody, ExtensionBody, InformationRequestBody } from '../../api/cases';
import { intake } from '../../api/clients';
import { unwrap } from '../../api/errors';
import { useSession } from '../../session/SessionContext';
import { caseQueryKey } from './useCase';

/** The officer's actions on the case page, each a desk endpoint (`POST …/cases/:caseId/<action>`), with its body. */
export interface ActionBodies {
  'information-requests': InformationRequestBody;
  extensions: ExtensionBody;
  answer: AnswerBody;
  close: CloseBody;
}
export type OfficerAction = keyof ActionBodies;

export interface ActionRequest<A extends OfficerAction> {
  body: ActionBodies[A];
  /** The ETag of the case as the person saw it: sent as If-Match, and what "changed since" is counted from on a 412. */
  etag: string;
}

function post<A extends OfficerAction>(
  action: A,
  tenant: string,
  caseId: string,
  body: ActionBodies[A],
  headers: { key: string; etag: string },
) {
  const params = { path: { tenant, caseId }, header: { 'Idempotency-Key': headers.key, 'If-Match': headers.etag } };
  // One typed call per route: openapi-fetch checks each path's body against its schema.
  switch (action) {
    case 'information-requests':
      return intake.POST('/tenants/{tenant}/cases/{caseId}/information-requests', { params, body: body as InformationRequestBody });
    case 'extensions':
      return intake.POST('/tenants/{tenant}/cases/{caseId}/extensions', { params, body: body as ExtensionBody });
    case 'answer':
      return intake.POST('/tenants/{tenant}/cases/{caseId}/answer', { params, body: body as AnswerBody });
    default:
      return intake.POST('/tenants/{tenant}/cases/{caseId}/close', { params, body: body as CloseBody });
  }
}

/**
 * One desk action with If-Match (the ETag as read) and an Idempotency-Key. The key is kept while the same body
 * is sent against the same revision (a retry after a lost response changes nothing); a different body or
 * revision, e.g. after a 412, is a new action with a new key. Success or refusal, the case and its course are
 * read again (an action's answer carries no content).
 */
export function useCaseAction<A extends OfficerAction>(caseId: string, action: A) {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const attempt = useRef<{ fingerprint: string; key: string } | undefined>(undefined);

  return useMutation({
    mutationFn: async ({ body, etag }: ActionRequest<A>) => {
      const fingerprint = JSON.stringify([body, etag]);
      if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: crypto.randomUUID() };
      return unwrap(await post(action, tenant.slug, caseId, body, { key: attempt.current.key, etag }));
    },
    onSuccess: () => {
      attempt.current = undefined;
    },
    onSettled: async (_data, error) => {
      await queryClient.invalidateQueries({ queryKey: caseQueryKey(tenant.slug, caseId) });
      if (!error) await queryClient.invalidateQueries({ queryKey: ['cases', tenant.slug] });
    },
  });
}
