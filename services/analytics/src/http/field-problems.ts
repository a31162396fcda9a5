import type { FieldProblem } from '@civic/platform';
import type { ZodIssue } from 'zod';

export type { FieldProblem };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Zod's issues as field problems: an unknown parameter is named by itself, not as "(query)". */
export function problemsOf(issues: readonly ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: key, reason: 'is not a known parameter' }));
    return [{ field: issue.path.length > 0 ? issue.path.join('.') : 'query', reason: issue.message }];
  });
}
