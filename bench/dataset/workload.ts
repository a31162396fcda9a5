/**
 * The officers' open cases over simulated time, as routing's workload read model counts them (its own
 * `evolveCaseLoad`), so each new case goes to the officer routing would choose (`chooseOfficer`: the fewest
 * open cases). A case is simulated whole before the next, so its spans are known when it is done.
 */
import type { CaseEvent } from '@civic/domain';
import { evolveCaseLoad, type CaseLoad } from '../../services/routing/src/workload/workload';

interface Span {
  from: number;
  to: number;
}

export class Workload {
  private readonly spans = new Map<string, Span[]>();
  private watermark = 0;

  /** Open cases of the officer at `at` (for `at` no earlier than the watermark). */
  open(officerId: string, at: number): number {
    let count = 0;
    for (const span of this.spans.get(officerId) ?? []) if (span.from <= at && at < span.to) count++;
    return count;
  }

  /**
   * Forgets spans that ended before `at`: cases are simulated in the order of registration, and nothing
   * later asks about a moment before the registration of the case being simulated.
   */
  advance(at: number): void {
    if (at - this.watermark < 86_400_000) return;
    this.watermark = at;
    for (const [officer, spans] of this.spans)
      this.spans.set(
        officer,
        spans.filter((span) => span.to > at),
      );
  }

  /** Counts one simulated case: its events with their times and stream revisions, as routing would see them. */
  record(caseId: string, tenant: string, events: readonly { event: CaseEvent; at: number }[]): void {
    let doc: CaseLoad | null = null;
    let holder: { officerId: string; from: number } | null = null;
    for (const [revision, { event, at }] of events.entries()) {
      const officerId = event.type === 'CaseAssigned' || event.type === 'CaseReassigned' ? event.data.officerId : undefined;
      const next: CaseLoad | null = evolveCaseLoad(doc, {
        type: event.type,
        tenant,
        caseId,
        revision,
        ...(officerId ? { officerId } : {}),
      });
      if (next === doc) continue;
      doc = next;
      const current = next?.open && next.officerId ? next.officerId : null;
      if (holder && holder.officerId !== current) {
        this.add(holder.officerId, holder.from, at);
        holder = null;
      }
      if (current && !holder) holder = { officerId: current, from: at };
    }
    if (holder) this.add(holder.officerId, holder.from, Number.POSITIVE_INFINITY);
  }

  private add(officerId: string, from: number, to: number): void {
    if (to <= from) return;
    const spans = this.spans.get(officerId) ?? [];
    spans.push({ from, to });
    this.spans.set(officerId, spans);
  }
}
