import { tenantCharterSchema, type TenantCharter } from './charter.schema';

/** One thing wrong with a tenant's data: where, and why. */
export interface CharterProblem {
  path: string;
  reason: string;
}

/** Tenant data that does not describe a valid tenant; the message lists every problem, one per line. */
export class TenantCharterError extends Error {
  override readonly name = 'TenantCharterError';

  constructor(
    readonly origin: string,
    readonly problems: readonly CharterProblem[],
  ) {
    super(problems.map((problem) => `${origin}: ${problem.path}: ${problem.reason}`).join('\n'));
  }
}

/**
 * Reads a tenant's charter data. `origin` says where it came from (a file name) so that the message points
 * at the file, the field and the reason: `sopot.json: categories.2.defaultDepartment: no department …`.
 */
export function parseTenantCharter(raw: unknown, origin: string): TenantCharter {
  const result = tenantCharterSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join('.') : '(root)',
    reason: issue.message,
  }));
  throw new TenantCharterError(origin, problems);
}
