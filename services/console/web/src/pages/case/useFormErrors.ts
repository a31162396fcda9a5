import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { serverFieldErrors, type FieldErrors } from './fieldErrors';

/**
 * A form's errors: its own checks (set on submit) over the service's (400, 422), each under its field; the first
 * bad field takes the focus, after a submit that found some and after the service named some.
 */
export function useFormErrors<F extends string>(fields: readonly F[], error: Error | null, refs: Record<F, RefObject<HTMLElement | null>>) {
  const { t } = useTranslation();
  const [client, setClient] = useState<FieldErrors<F>>({});
  const server = serverFieldErrors(error, fields, (reason) => t('case.action.errors.server', { reason }));
  const errors: FieldErrors<F> = { ...server.fields, ...client };

  const focusFirst = (found: FieldErrors<F>) => {
    const first = fields.find((field) => found[field]);
    if (first) refs[first].current?.focus();
  };

  useEffect(() => {
    if (error instanceof ApiError && (error.status === 400 || error.status === 422)) focusFirst(server.fields);
  }, [error]);

  /** Runs the form's checks: true when there is nothing to fix; otherwise the errors show and the first takes the focus. */
  const check = (found: FieldErrors<F>): boolean => {
    setClient(found);
    if (Object.keys(found).length === 0) return true;
    focusFirst(found);
    return false;
  };

  return { errors, other: server.other, check };
}
