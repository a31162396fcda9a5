export * from './policy';
export * from './due-date.types';
export { DEFAULT_DEADLINE_POLICIES, DEFAULT_WARNINGS } from './default-policies';
export { resolveDeadlinePolicies, resolveDeadlinePolicy } from './resolve-policy';
export { computeDueDate, maxExtensionDate, warningsFor, type DueDateInput } from './due-date';
export { countTerm, moveToWorkingDay, termDueDate, type ClosedPause, type CountedTerm } from './count-term';
export { clockStartText, COUNTING_SOURCES, termText } from './counting-rules';
