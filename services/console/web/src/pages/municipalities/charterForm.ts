import { ApiError } from '../../api/errors';
import type { Charter, CharterVersion } from '../../api/municipalities';

// The charter forms' own checks and what the service said, as data the pages word in the person's language.

/** The fields of the charter forms, in the order their problems are listed. */
export const CHARTER_FIELDS = ['charter', 'effectiveFrom', 'reason'] as const;
export type CharterField = (typeof CHARTER_FIELDS)[number];

/** What is wrong with a field before anything is sent, as a key of municipalities.errors. */
export type CharterProblem =
  | 'charterRequired'
  | 'charterNotJson'
  | 'charterNotObject'
  | 'dateRequired'
  | 'dateInvalid'
  | 'reasonRequired'
  | 'reasonTooLong';

/** As intake's own limit (tenant-admin.schema.ts). */
export const MAX_REASON = 1000;

/** The pasted or uploaded text as a charter object, or why it is not one (the parser's words, for JSON that does not parse). */
export function parseCharter(text: string): { charter: Charter } | { problem: CharterProblem; detail?: string } {
  if (text.trim() === '') return { problem: 'charterRequired' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: 'charterNotJson', detail: error instanceof Error ? error.message : undefined };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'charterNotObject' };
  return { charter: value as Charter };
}

export function reasonProblem(reason: string): CharterProblem | undefined {
  const trimmed = reason.trim();
  if (trimmed === '') return 'reasonRequired';
  return trimmed.length > MAX_REASON ? 'reasonTooLong' : undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as <input type="date"> gives it (YYYY-MM-DD) that is a real day. */
export function dateProblem(value: string): CharterProblem | undefined {
  if (value.trim() === '') return 'dateRequired';
  const match = ISO_DATE.exec(value.trim());
  if (!match) return 'dateInvalid';
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? undefined : 'dateInvalid';
}

/**
 * The day after `now` in `timeZone`, as YYYY-MM-DD: the earliest a new version may apply from (the service has the
 * last word, by its own clock).
 */
export function tomorrowIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return new Date(Date.UTC(field('year'), field('month') - 1, field('day') + 1)).toISOString().slice(0, 10);
}

/** The charter as the form shows it: indented JSON, as the tenant files are written. */
export function charterText(charter: Charter): string {
  return `${JSON.stringify(charter, null, 2)}\n`;
}

/** A problem the service named: its field as it wrote it, its reason, and the form's field it belongs to, if any. */
export interface ServerProblem {
  field: string;
  reason: string;
  control?: CharterField;
}

/** The form's field a path in intake's error names: everything under `charter` is the charter's text. */
export function controlOf(field: string): CharterField | undefined {
  if (field === 'charter' || field.startsWith('charter.') || field.startsWith('charter[')) return 'charter';
  if (field === 'effectiveFrom') return 'effectiveFrom';
  if (field === 'reason') return 'reason';
  return undefined;
}

/** What intake named in a refusal (400, 409, 412, 422): each field with its reason, as it answered. */
export function serverProblems(error: unknown): ServerProblem[] {
  if (!(error instanceof ApiError)) return [];
  return (error.body?.errors ?? []).map(({ field, reason }) => {
    const control = controlOf(field);
    return control ? { field, reason, control } : { field, reason };
  });
}

/** Where a version stands today: in force, recorded to apply from a later day, or one that applied before. */
export type VersionState = 'inForce' | 'scheduled' | 'superseded';

export function versionState(version: CharterVersion, versions: readonly CharterVersion[]): VersionState {
  if (version.inForce) return 'inForce';
  const inForce = versions.find((candidate) => candidate.inForce);
  return inForce && version.version < inForce.version ? 'superseded' : 'scheduled';
}

/** A slug's page: the path of the console's municipality page. */
export const municipalityPath = (slug: string) => `/platform/municipalities/${encodeURIComponent(slug)}`;

/** What the municipality's page is told after a registration or a new version, through the navigation's state. */
export interface Recorded {
  kind: 'registered' | 'revised';
  version: number;
  effectiveFrom: string;
}

/** The navigation's state as a Recorded, if it is one (the history keeps any state a page left there). */
export function recordedOf(state: unknown): Recorded | undefined {
  if (typeof state !== 'object' || state === null || !('recorded' in state)) return undefined;
  const recorded = (state as { recorded: unknown }).recorded;
  if (typeof recorded !== 'object' || recorded === null) return undefined;
  const { kind, version, effectiveFrom } = recorded as Record<string, unknown>;
  if ((kind !== 'registered' && kind !== 'revised') || typeof version !== 'number' || typeof effectiveFrom !== 'string') return undefined;
  return { kind, version, effectiveFrom };
}
