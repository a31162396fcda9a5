import { randomBytes } from 'node:crypto';

/** One id per test process, so topics, groups and databases of concurrent runs never meet. */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
let counter = 0;

/** A name unique to this run: `prefix-<run>-<n>`, lower case, safe for topics, groups and databases. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${RUN_ID}-${counter}`.toLowerCase();
}
