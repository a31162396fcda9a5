import { Inject, Injectable } from '@nestjs/common';
import type { CaseAccess, Viewer } from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { CaseReader, EVENT_STORE } from '@civic/platform';
import { accessOf, listedInFor } from './case-listing';

/** Reads the cases behind notification's answers to say which of them exist for the caller. */
@Injectable()
export class CaseVisibility {
  private readonly cases: CaseReader;

  /** The raw event store: the fold needs no personal field, so nothing is decrypted for this. */
  constructor(@Inject(EVENT_STORE) events: EventStore) {
    this.cases = new CaseReader(events);
  }

  /** `none` too for a case that is not this tenant's or not there at all: the caller cannot tell them apart. */
  async access(viewer: Viewer, tenant: string, caseId: string): Promise<CaseAccess> {
    const history = await this.cases.registered(tenant, caseId);
    return history ? accessOf(viewer, history.state) : 'none';
  }

  /** Whether the case's personal data were erased (GDPR art. 17): its letters are gone, not missing. */
  async erased(tenant: string, caseId: string): Promise<boolean> {
    const history = await this.cases.registered(tenant, caseId);
    return Boolean(history?.state.facts.erasedAt);
  }

  /** Of these cases, the ones a list for the viewer may hold; each case is read once. */
  async listed(viewer: Viewer, tenant: string, caseIds: readonly string[]): Promise<Set<string>> {
    const listed = new Set<string>();
    for (const caseId of new Set(caseIds)) {
      const history = await this.cases.registered(tenant, caseId);
      if (history && listedInFor(viewer, history.state)) listed.add(caseId);
    }
    return listed;
  }
}
