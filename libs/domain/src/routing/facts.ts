import type { CaseEvent } from '../case/events';
import type { Channel, Kind } from '../shared/vocabulary';

/** The flag a case carries when its submitter or the registrar marked a threat to health or safety. */
export const HEALTH_SAFETY_FLAG = 'health-safety-threat';

/** What routing rules look at. `text` is null when the submitter's data was erased. */
export interface RoutingFacts {
  kind: Kind;
  category: string | null;
  channel: Channel;
  text: string | null;
  /** Screening flags ever raised on the case, and `health-safety-threat` when it was marked. */
  flags: readonly string[];
}

/**
 * The routing facts from a case's history (read with personal data decrypted, so the text is there).
 * The folded state forgets flags once a registrar resolves them, but a resolved corruption flag still
 * says where the case belongs: so flags are gathered from every `CaseFlagged`. Undefined before registration.
 */
export function routingFactsFromHistory(events: readonly CaseEvent[]): RoutingFacts | undefined {
  const registered = events.find((event) => event.type === 'CaseRegistered');
  if (registered?.type !== 'CaseRegistered') return undefined;
  const flags = new Set<string>();
  if (registered.data.healthSafetyThreat) flags.add(HEALTH_SAFETY_FLAG);
  for (const event of events) {
    if (event.type === 'CaseFlagged') event.data.flags.forEach((flag) => flags.add(flag.code));
  }
  const { kind, category, channel, text } = registered.data;
  return { kind, category, channel, text: typeof text === 'string' ? text : null, flags: [...flags] };
}
