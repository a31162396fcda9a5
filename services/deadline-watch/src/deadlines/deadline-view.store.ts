import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { CaseListing, CaseStatus, Confidentiality, DeadlineAlert, IsoDate, Kind, Viewer } from '@civic/domain';
import { listedForFilter } from '@civic/platform';
import { MongoServerError, type Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { DeadlinePlan, ExplanationStep } from '../plan/deadline-plan';

const DUPLICATE_KEY = 11000;
export const DEADLINES_COLLECTION = 'deadline_cases';

/** A case's deadline as the API shows it: one document per case, from its latest plan. */
export interface CaseDeadlineDocument {
  _id: string;
  tenant: string;
  registryNumber: string;
  kind: Kind;
  status: CaseStatus;
  open: boolean;
  start: IsoDate | null;
  dueDate: IsoDate | null;
  paused: boolean;
  explanation: ExplanationStep[];
  /** What deadline-watch recorded on the case: warnings, breaches, escalations. */
  alerts: DeadlineAlert[];
  /** Whose list may hold the case (`case-listing.ts`); a document written before these were kept has neither. */
  confidential?: Confidentiality | null;
  officerId?: string | null;
  /** The case stream's revision the plan was made from: an older plan never overwrites a newer one. */
  revision: number;
}

/** The API's read model (`deadline_cases`), indexed for "a tenant's open cases by due date". */
@Injectable()
export class DeadlineViewStore implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    await this.collection().createIndex({ tenant: 1, open: 1, dueDate: 1 });
  }

  async apply(plan: DeadlinePlan, listing: CaseListing, alerts: DeadlineAlert[], revision: number): Promise<void> {
    const document: Omit<CaseDeadlineDocument, '_id'> = {
      tenant: plan.tenant,
      registryNumber: plan.registryNumber,
      kind: plan.kind,
      status: plan.status,
      open: plan.open,
      start: plan.start,
      dueDate: plan.dueDate,
      paused: plan.paused,
      explanation: plan.steps,
      alerts,
      confidential: listing.confidential,
      officerId: listing.officerId,
      revision,
    };
    try {
      await this.collection().updateOne({ _id: plan.caseId, revision: { $lte: revision } }, { $set: document }, { upsert: true });
    } catch (error) {
      // A newer plan of the case is already there.
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
  }

  /** The tenant's open cases due on or before `dueBy` that the viewer's list may hold, earliest first. */
  dueBy(tenant: string, dueBy: IsoDate, limit: number, viewer: Viewer): Promise<CaseDeadlineDocument[]> {
    return this.collection()
      .find({ tenant, open: true, dueDate: { $ne: null, $lte: dueBy }, ...listedForFilter(viewer) })
      .sort({ dueDate: 1, registryNumber: 1 })
      .limit(limit)
      .toArray();
  }

  get(caseId: string): Promise<CaseDeadlineDocument | null> {
    return this.collection().findOne({ _id: caseId });
  }

  private collection(): Collection<CaseDeadlineDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db.collection<CaseDeadlineDocument>(DEADLINES_COLLECTION);
  }
}
