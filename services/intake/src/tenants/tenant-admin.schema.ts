import { z } from 'zod';
import { isIsoDate, tenantCharterSchema, type TenantCharter } from '@civic/domain';
import type { FieldProblem } from '@civic/platform';
import { InvalidInputError } from '../cases/errors';
import { parseBody } from '../cases/parse-body';

const reason = z.string().trim().min(1, 'is required: say why, for the record').max(1000, 'must be at most 1000 characters');

/** A new municipality: its charter data (the schema of the tenant files) and why. */
export const tenantRegistrationSchema = z.object({ charter: z.unknown(), reason }).strict();

/** A new version of a charter, from a day on. */
export const charterRevisionSchema = z
  .object({
    charter: z.unknown(),
    effectiveFrom: z.string().refine(isIsoDate, 'must be a date, YYYY-MM-DD'),
    reason,
  })
  .strict();

/**
 * The body, its charter checked by the very schema the tenant files are: every problem named by its path
 * under `charter` (e.g. `charter.categories.2.defaultDepartment`), all at once.
 */
export function parseWithCharter<S extends z.ZodTypeAny>(
  schema: S,
  body: unknown,
): Omit<z.infer<S>, 'charter'> & { charter: TenantCharter } {
  const parsed = parseBody(schema, body) as { charter: unknown };
  if (parsed.charter === undefined) throw new InvalidInputError([{ field: 'charter', reason: 'is required' }]);
  const charter = tenantCharterSchema.safeParse(parsed.charter);
  if (!charter.success) {
    const problems: FieldProblem[] = charter.error.issues.map((issue) => ({
      field: ['charter', ...issue.path].join('.'),
      reason: issue.message,
    }));
    throw new InvalidInputError(problems);
  }
  return { ...(parsed as Omit<z.infer<S>, 'charter'>), charter: charter.data };
}
