import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@civic/event-store';
import { caseEventFromRecorded, TenantDirectory } from '@civic/platform';
import { evolveCaseDocument, type CaseDocument, type ModelEvent } from './case-document';
import { bucketOf, emptyBucket, mergeRow, type Bucket } from './case-rows';
import type { GenerationStore, LoadedCase } from './generation-store';
import { TenantContexts } from './tenant-context';

export { ProjectionConflictError } from './generation-store';

/** The streams the case model reads: `case-<id>` (stream categories have no dash). */
export const CASE_STREAMS = { streamNamePrefixes: ['case-'] };

/**
 * Applies events of the store's global order to one generation of the case model: per page, it loads
 * the documents of the cases concerned, folds the events in with `evolveCaseDocument`, writes only the
 * documents that changed, then brings each case's row in its bucket (case-rows.ts) up to the document's
 * revision. Live following and rebuilding use this one path (through a store that writes at once, or one
 * that keeps a rebuild in memory); an event applied before is a no-op, so re-reading after a crash is safe,
 * and a bucket a crash left behind its documents is brought up to them by the re-read.
 */
@Injectable()
export class CaseProjector {
  private readonly contexts: TenantContexts;

  constructor(tenants: TenantDirectory) {
    this.contexts = new TenantContexts((tenant) => tenants.get(tenant));
  }

  async apply(store: GenerationStore, events: readonly RecordedEvent[]): Promise<void> {
    const byCase = new Map<string, ModelEvent[]>();
    for (const recorded of events) {
      const event = caseEventFromRecorded(recorded);
      const { caseId } = event.metadata;
      const list = byCase.get(caseId);
      if (list) list.push({ revision: recorded.revision, event });
      else byCase.set(caseId, [{ revision: recorded.revision, event }]);
    }
    if (byCase.size === 0) return;

    const before = await store.cases([...byCase.keys()]);
    const changed: LoadedCase[] = [];
    const folded: CaseDocument[] = [];
    for (const [caseId, caseEvents] of byCase) {
      const loaded = before.get(caseId);
      const old = loaded?.doc ?? null;
      let doc: CaseDocument | null = old;
      for (const event of caseEvents) doc = evolveCaseDocument(doc, event, this.contexts.of(event.event.metadata.tenant));
      if (doc === null) continue;
      folded.push(doc);
      if (doc !== old) changed.push({ doc, stored: loaded?.stored ?? null });
    }
    if (folded.length === 0) return;

    // Every case touched, changed now or not: a re-read after a crash brings its row up to the stored document.
    const bucketIds = [...new Set(folded.map(bucketOf))];
    const buckets = await store.buckets(bucketIds);
    const touched = new Set<Bucket>();
    for (const doc of folded) {
      const id = bucketOf(doc);
      let bucket = buckets.get(id);
      if (!bucket) {
        bucket = emptyBucket(doc.tenant, doc.receivedMonth);
        buckets.set(id, bucket);
      }
      if (mergeRow(bucket, doc)) touched.add(bucket);
    }
    if (changed.length === 0 && touched.size === 0) return;
    await store.write(changed, [...touched]);
  }
}
