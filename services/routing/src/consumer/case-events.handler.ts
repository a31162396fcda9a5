import { Injectable } from '@nestjs/common';
import type { JsonObject } from '@civic/event-store';
import { caseEventFromKafka, PermanentHandlerError, type ReceivedEvent } from '@civic/messaging';
import { LOAD_EVENT_TYPES } from '../workload/workload';
import { WorkloadStore } from '../workload/workload.store';
import { CaseRouter } from './case-router';

/**
 * Events after which a case may be `Accepted` (state.ts): accepted at screening or on a resolved flag
 * (both `CaseAccepted`), or back from waiting for the submitter (`InformationProvided`). The router reads
 * the case and acts only when it is `Accepted` now.
 */
export const ROUTABLE_EVENT_TYPES: ReadonlySet<string> = new Set(['CaseAccepted', 'InformationProvided']);

/** What routing does with one case event: keep the officers' workload, and route a case that became routable. */
@Injectable()
export class CaseEventsHandler {
  constructor(
    private readonly router: CaseRouter,
    private readonly workload: WorkloadStore,
  ) {}

  async handle(received: ReceivedEvent<JsonObject>): Promise<void> {
    const event = caseEventFromKafka(received);
    const concernsWorkload = LOAD_EVENT_TYPES.has(event.type);
    const routable = ROUTABLE_EVENT_TYPES.has(event.type);
    if (!concernsWorkload && !routable) return;

    const { caseId, tenant } = event.metadata;
    if (!caseId || !tenant) throw new PermanentHandlerError(`case event ${event.id} (${event.type}) names no case or tenant`);

    if (concernsWorkload) {
      if (event.streamRevision === undefined)
        throw new PermanentHandlerError(`case event ${event.id} (${event.type}) has no stream revision`);
      const officerId = typeof event.data['officerId'] === 'string' ? event.data['officerId'] : undefined;
      const load = await this.workload.apply({ type: event.type, tenant, caseId, revision: event.streamRevision, officerId });
      // Routed while its unit had no officer present: try again now, with the officers of this moment.
      if (event.type === 'CaseRouted' && load?.waiting) await this.router.assignWaiting(caseId);
    }
    if (routable) {
      await this.router.route({ eventId: event.id, caseId, correlationId: event.metadata.correlationId ?? event.id });
    }
  }
}
