import type { LocalizedText } from '@civic/domain';
import type { RecordedEvent } from '@civic/event-store';

/**
 * A registry number that no case carries. АПК чл. 111, ал. 2 asks every submission to be registered, and
 * numbers never skip (registry-numbers.ts), so a number is drawn first and then given to its case. A request
 * that failed or was abandoned after the draw, and was never retried, leaves the number without a case: the
 * register shows it with what is known of the attempt, never as a silent gap.
 */
export interface UnregisteredNumber {
  registryNumber: string;
  /** When the registry issued it (the event store's time of recording). */
  issuedAt: string;
  /** The case id the attempt would have created: no case stream has it. */
  intendedCaseId: string | null;
  /** Who made the attempt (a registrar, a citizen's web form, an Open311 client). */
  actor: { id: string; role: string } | null;
  /** The attempt's correlation id, to find it in the services' logs. */
  correlationId: string | null;
  explanation: LocalizedText;
}

const EXPLANATION: LocalizedText = {
  bg: 'Номерът е изтеглен, но регистрацията не е завършила: заявката е прекъсната или отказана след изтеглянето и не е повторена. Няма преписка с този номер.',
  en: 'The number was drawn but the registration did not complete: the request failed or was abandoned after the draw and was not retried. No case carries this number.',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The register's entry for an issued number whose case was never recorded. */
export function unregisteredNumber(issued: RecordedEvent): UnregisteredNumber {
  const actor = issued.metadata.actor as { id?: unknown; role?: unknown } | undefined;
  const id = text(actor?.id);
  const role = text(actor?.role);
  return {
    registryNumber: String(issued.data.formatted),
    issuedAt: issued.recordedAt,
    intendedCaseId: text(issued.metadata.caseId),
    actor: id && role ? { id, role } : null,
    correlationId: text(issued.metadata.correlationId),
    explanation: EXPLANATION,
  };
}
