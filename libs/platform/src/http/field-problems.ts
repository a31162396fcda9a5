import type { ZodError, ZodIssue } from 'zod';
import type { FieldProblem } from './error-body';

/** The whole body, when the problem is not with one field (not an object, not JSON). */
export const BODY = 'body';

const fieldOf = (path: readonly (string | number)[], prefix: string): string =>
  [prefix, ...path.map(String)].filter((part) => part !== '').join('.') || BODY;

const article = (expected: string): string => (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);

function problemsOf(issue: ZodIssue, prefix: string): FieldProblem[] {
  const field = fieldOf(issue.path, prefix);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: fieldOf([...issue.path, key], prefix), reason: 'is not a known field' }));
    case 'invalid_type':
      if (issue.received === 'undefined') return [{ field, reason: 'is required' }];
      return [{ field, reason: `must be ${article(issue.expected)}, not ${issue.received}` }];
    default:
      return [{ field, reason: issue.message }];
  }
}

/**
 * Every problem zod found, one per field (the first reason when a field has several), in the input's
 * order. Every API (intake's submissions and Open311 forms included) says it in these words.
 */
export function fieldProblems(error: Pick<ZodError, 'issues'>, prefix = ''): FieldProblem[] {
  const seen = new Set<string>();
  return error.issues
    .flatMap((issue) => problemsOf(issue, prefix))
    .filter((problem) => {
      if (seen.has(problem.field)) return false;
      seen.add(problem.field);
      return true;
    });
}

/** Several lists of problems as one, each field named once. */
export function mergeProblems(...lists: readonly FieldProblem[][]): FieldProblem[] {
  const seen = new Set<string>();
  return lists.flat().filter((problem) => {
    if (seen.has(problem.field)) return false;
    seen.add(problem.field);
    return true;
  });
}

/** A ZodError, from this zod or from the copy nestjs-zod brings: known by its shape, not its class. */
export function isZodError(error: unknown): error is Pick<ZodError, 'issues'> & Error {
  return error instanceof Error && error.name === 'ZodError' && Array.isArray((error as { issues?: unknown }).issues);
}
