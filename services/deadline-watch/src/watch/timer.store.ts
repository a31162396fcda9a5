import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { IsoDate } from '@civic/domain';
import { MongoServerError, type Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { AlertKind, DeadlinePlan } from '../plan/deadline-plan';

const DUPLICATE_KEY = 11000;
export const TIMERS_COLLECTION = 'deadline_timers';

export type TimerState = 'pending' | 'done' | 'cancelled';

/** One timer: a case, an alert kind, a due date and (warnings) a threshold; its `_id` is the plan's key. */
export interface TimerDocument {
  _id: string;
  tenant: string;
  caseId: string;
  kind: AlertKind;
  dueDate: IsoDate;
  workingDaysBefore: number | null;
  fireOn: IsoDate;
  fireAt: Date;
  order: number;
  state: TimerState;
  /** The case stream's revision the plan that last wrote this timer was made from: an older plan never overwrites it. */
  planRevision: number;
  /** Which instance works the timer now, and until when (the real time, not the test clock). */
  leaseOwner: string | null;
  leaseUntil: Date | null;
  attempts: number;
  /** How it ended, or why the last attempt failed. */
  outcome: string | null;
  settledAt: Date | null;
}

/**
 * The durable timers in MongoDB (`deadline_timers`). Indexed on (state, fire time), so a tick reads only the
 * pending timers that are due, oldest first: its work grows with the timers due, not with the open cases.
 * Without transactions (FerretDB) every write is one conditional document update: a plan writes a timer only
 * if no newer plan has, a claim succeeds for one instance only, and `done` is final.
 */
@Injectable()
export class TimerStore implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    await this.collection().createIndex({ state: 1, fireAt: 1, order: 1 });
    await this.collection().createIndex({ caseId: 1 });
  }

  /**
   * Brings the case's timers in line with its plan, made from the stream at `revision`: planned ones pending
   * (or done when the alert is on the stream), every other pending one of the case cancelled.
   */
  async apply(plan: DeadlinePlan, revision: number, at: Date): Promise<void> {
    const collection = this.collection();
    for (const timer of plan.timers) {
      const fields = {
        tenant: plan.tenant,
        caseId: plan.caseId,
        kind: timer.kind,
        dueDate: timer.dueDate,
        workingDaysBefore: timer.workingDaysBefore,
        fireOn: timer.fireOn,
        fireAt: timer.fireAt,
        order: timer.order,
      };
      // An alert on the stream is final whatever plan says otherwise: done needs no revision check.
      const filter = timer.recorded
        ? { _id: timer.key, state: { $ne: 'done' as const } }
        : { _id: timer.key, state: { $ne: 'done' as const }, planRevision: { $lte: revision } };
      const update = timer.recorded
        ? { ...fields, state: 'done' as const, planRevision: revision, outcome: 'recorded', settledAt: at }
        : { ...fields, state: 'pending' as const, planRevision: revision, outcome: null, settledAt: null };
      try {
        await collection.updateOne(
          filter,
          { $set: update, $setOnInsert: { leaseOwner: null, leaseUntil: null, attempts: 0 } },
          { upsert: true },
        );
      } catch (error) {
        // The timer is done, or a newer plan wrote it: either way this plan has nothing to add.
        if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      }
    }
    await collection.updateMany(
      { caseId: plan.caseId, state: 'pending', _id: { $nin: plan.timers.map((timer) => timer.key) }, planRevision: { $lte: revision } },
      { $set: { state: 'cancelled', planRevision: revision, outcome: cancelReason(plan), settledAt: at } },
    );
  }

  /** Pending timers due at `now` in fire order, leased ones included (a tick skips their cases). */
  due(now: Date, limit: number): Promise<TimerDocument[]> {
    return this.collection()
      .find({ state: 'pending', fireAt: { $lte: now } })
      .sort({ fireAt: 1, order: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }

  /** Takes the timer for `owner` until `until`, unless another instance holds it: true for one instance only. */
  async claim(id: string, owner: string, realNow: Date, until: Date): Promise<boolean> {
    const result = await this.collection().updateOne(
      { _id: id, state: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lte: realNow } }] },
      { $set: { leaseOwner: owner, leaseUntil: until }, $inc: { attempts: 1 } },
    );
    return result.modifiedCount === 1;
  }

  /** Ends a claimed timer: done (the alert is on the stream) or cancelled (the case moved on). */
  async settle(id: string, owner: string, state: Exclude<TimerState, 'pending'>, outcome: string, at: Date): Promise<void> {
    await this.collection().updateOne(
      { _id: id, leaseOwner: owner, state: 'pending' },
      { $set: { state, outcome, settledAt: at, leaseOwner: null, leaseUntil: null } },
    );
  }

  /** Gives a claimed timer back for the next tick, with why. */
  async release(id: string, owner: string, outcome: string | null): Promise<void> {
    await this.collection().updateOne({ _id: id, leaseOwner: owner }, { $set: { leaseOwner: null, leaseUntil: null, outcome } });
  }

  ofCase(caseId: string): Promise<TimerDocument[]> {
    return this.collection().find({ caseId }).sort({ fireAt: 1, order: 1, _id: 1 }).toArray();
  }

  private collection(): Collection<TimerDocument> {
    const db = this.connection.db;
    if (!db) throw new Error('the MongoDB connection has no database');
    return db.collection<TimerDocument>(TIMERS_COLLECTION);
  }
}

function cancelReason(plan: DeadlinePlan): string {
  if (!plan.open) return `case ${plan.status}`;
  if (plan.paused && plan.dueDate === null) return 'clock paused';
  if (plan.dueDate === null) return 'no due date';
  return `due date now ${plan.dueDate}`;
}
