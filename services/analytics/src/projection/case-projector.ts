import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@civic/event-store';
import { caseEventFromRecorded, TenantDirectory } from '@civic/platform';
import type { AnyBulkWriteOperation } from 'mongodb';
import { MongoBulkWriteError } from 'mongodb';
import { evolveCaseDocument, type CaseDocument, type ModelEvent } from './case-document';
import { TenantContexts } from './tenant-context';
import { ReadModels } from './read-models';

/** The streams the case model reads: `case-<id>` (stream categories have no dash). */
export const CASE_STREAMS = { streamNamePrefixes: ['case-'] };

/**
 * Applies events of the store's global order to one generation of the case model: per page, it loads
 * the documents of the cases concerned, folds the events in with `evolveCaseDocument`, and writes only
 * what changed, each write conditional on the revision it read. Live following and rebuilding use this
 * one path; an event applied before is a no-op, so re-reading after a crash is safe.
 */
@Injectable()
export class CaseProjector {
  private readonly contexts: TenantContexts;

  constructor(
    private readonly readModels: ReadModels,
    tenants: TenantDirectory,
  ) {
    this.contexts = new TenantContexts((tenant) => tenants.get(tenant));
  }

  async apply(generation: string, events: readonly RecordedEvent[]): Promise<void> {
    const byCase = new Map<string, ModelEvent[]>();
    for (const recorded of events) {
      const event = caseEventFromRecorded(recorded);
      const { caseId } = event.metadata;
      const list = byCase.get(caseId) ?? [];
      list.push({ revision: recorded.revision, event });
      byCase.set(caseId, list);
    }
    if (byCase.size === 0) return;

    const cases = this.readModels.cases(generation);
    const found = await cases.find({ _id: { $in: [...byCase.keys()] } }).toArray();
    const before = new Map(found.map((doc) => [doc._id, doc]));
    const writes: AnyBulkWriteOperation<CaseDocument>[] = [];
    for (const [caseId, caseEvents] of byCase) {
      const old = before.get(caseId) ?? null;
      let doc: CaseDocument | null = old;
      for (const event of caseEvents) doc = evolveCaseDocument(doc, event, this.contexts.of(event.event.metadata.tenant));
      if (doc === null || doc === old) continue;
      if (old === null) writes.push({ insertOne: { document: doc } });
      else writes.push({ replaceOne: { filter: { _id: caseId, revision: old.revision }, replacement: doc } });
    }
    if (writes.length === 0) return;

    const replaces = writes.filter((write) => 'replaceOne' in write).length;
    try {
      const result = await cases.bulkWrite(writes, { ordered: false });
      if (result.matchedCount !== replaces) throw new ProjectionConflictError(generation);
    } catch (error) {
      // Another instance wrote one of these cases first (a duplicate insert): read again and re-apply.
      if (error instanceof MongoBulkWriteError && error.code === 11000) throw new ProjectionConflictError(generation);
      throw error;
    }
  }
}

/** A case document changed between read and write (another instance following the same generation). */
export class ProjectionConflictError extends Error {
  constructor(readonly generation: string) {
    super(`a case document of read-model generation ${generation} changed while events were applied; they are applied again`);
    this.name = 'ProjectionConflictError';
  }
}
