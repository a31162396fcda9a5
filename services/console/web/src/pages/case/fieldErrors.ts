import { ApiError } from '../../api/errors';
import { currentLanguage } from '../../i18n';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * What the service said about a form's fields: a 400 names each bad field; a 422 is the decider's refusal of a
 * value (an extension beyond the legal maximum), shown next to the field it names, in the person's language.
 * Anything it names that is not one of the form's fields is listed apart.
 */
export function serverFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  wrap: (reason: string) => string,
): { fields: FieldErrors<F>; other: string[] } {
  const found: FieldErrors<F> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 422)) return { fields: found, other };
  const rejection = error.body?.rejection?.message[currentLanguage()];
  for (const { field, reason } of error.body?.errors ?? []) {
    const message = wrap(error.status === 422 && rejection ? rejection : reason);
    if ((fields as readonly string[]).includes(field)) found[field as F] ??= message;
    else other.push(`${field}: ${reason}`);
  }
  return { fields: found, other };
}

/** Whether the error is one the form shows at its fields (and so moves the focus to the first of them itself). */
export function isFieldError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 400 || (error.status === 422 && (error.body?.errors.length ?? 0) > 0));
}
