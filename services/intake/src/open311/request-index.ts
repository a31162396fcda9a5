import { MongoServerError, type Collection, type Db, type Filter } from 'mongodb';
import type { GlobalPosition, RecordedEvent } from '@civic/event-store';
import { caseEventFromRecorded, type CaseReader } from '@civic/platform';
import { KINDS_KEPT_OFF_OPEN311 } from './kinds';
import { documentOf, isRegisteredState, nextDocument, type RequestIndexDocument } from './request-index-document';
import type { Open311Status } from './status';

export const REQUEST_INDEX_COLLECTION = 'intake_open311_requests';
export const PROJECTION_COLLECTION = 'intake_open311_projection';
const CHECKPOINT_ID = 'open311-requests';
const DUPLICATE_KEY = 11000;

interface CheckpointDocument {
  _id: string;
  position: GlobalPosition;
  updatedAt: Date;
}

export interface IndexQuery {
  tenant: string;
  from: Date;
  to: Date;
  serviceCodes?: string[];
  statuses?: Open311Status[];
  limit: number;
}

/** The case id a case stream holds: `case-<uuid>`. */
export const caseIdOf = (streamName: string) => streamName.slice('case-'.length);

/**
 * The read model behind GET requests: one document per case of every channel, kept by the projection
 * (request-projection.ts), with the position it has reached. Every write is conditional on the revision
 * it supersedes, so several intake instances may keep it at once.
 */
export class Open311RequestIndex {
  constructor(
    private readonly requests: Collection<RequestIndexDocument>,
    private readonly projection: Collection<CheckpointDocument>,
  ) {}

  static on(db: Db): Open311RequestIndex {
    return new Open311RequestIndex(
      db.collection<RequestIndexDocument>(REQUEST_INDEX_COLLECTION),
      db.collection<CheckpointDocument>(PROJECTION_COLLECTION),
    );
  }

  async ensureIndexes(): Promise<void> {
    await this.requests.createIndex({ tenant: 1, requestedAt: -1 }, { name: 'tenant_requested' });
  }

  async checkpoint(): Promise<GlobalPosition | undefined> {
    return (await this.projection.findOne({ _id: CHECKPOINT_ID }))?.position;
  }

  async saveCheckpoint(position: GlobalPosition, now: Date): Promise<void> {
    await this.projection.updateOne({ _id: CHECKPOINT_ID }, { $set: { position, updatedAt: now } }, { upsert: true });
  }

  /**
   * One recorded case event applied; `cases` folds the whole stream when the document has fallen behind, and
   * for a case's first document: the events its registration appended with it (a flag for signs of corruption
   * among them) are in that document from the start, so a confidential case is never listed, not even for the
   * moment between two of its events.
   */
  async apply(recorded: RecordedEvent, cases: CaseReader): Promise<void> {
    const caseId = caseIdOf(recorded.streamName);
    const current = await this.requests.findOne({ _id: caseId });
    if (current === null) return this.fold(caseId, cases);
    const step = nextDocument(current, caseEventFromRecorded(recorded), recorded.revision);
    if (step.action === 'write') return this.write(step.document);
    if (step.action === 'skip') return;
    return this.fold(caseId, cases);
  }

  /** The document of the case as its stream is now. */
  private async fold(caseId: string, cases: CaseReader): Promise<void> {
    const { events, state } = await cases.read(caseId);
    const last = events.at(-1);
    if (last && isRegisteredState(state)) await this.write(documentOf(state, events.length - 1, last.metadata.occurredAt));
  }

  /** Replaces an older revision, or inserts; a newer one already there wins (the insert then fails on `_id`). */
  private async write(document: RequestIndexDocument): Promise<void> {
    try {
      await this.requests.replaceOne({ _id: document._id, revision: { $lt: document.revision } }, document, { upsert: true });
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
  }

  /**
   * The tenant's requests in the window, newest first, never those of kinds kept off Open311 nor confidential
   * ones (`confidential: null` also matches a document without the field).
   */
  async find(query: IndexQuery): Promise<RequestIndexDocument[]> {
    const filter: Filter<RequestIndexDocument> = {
      tenant: query.tenant,
      requestedAt: { $gte: query.from, $lte: query.to },
      kind: { $nin: [...KINDS_KEPT_OFF_OPEN311] },
      confidential: null,
    };
    if (query.serviceCodes) filter.serviceCode = { $in: query.serviceCodes };
    if (query.statuses && query.statuses.length === 1) filter.open = query.statuses[0] === 'open';
    return this.requests.find(filter).sort({ requestedAt: -1, _id: 1 }).limit(query.limit).toArray();
  }
}
