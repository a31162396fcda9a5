import { createHash, randomBytes } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { Session } from './session';

interface SessionDocument extends Omit<Session, 'id' | 'expiresAt' | 'createdAt'> {
  _id: string;
  createdAt: Date;
  /** The session is over after this instant; the store sweeps such documents away. */
  expiresAt: Date;
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

const digest = (id: string) => createHash('sha256').update(id).digest('base64url');
export const randomToken = () => randomBytes(32).toString('base64url');

/**
 * Server-side sessions in MongoDB. The cookie holds a random 256-bit id; the database holds only its hash,
 * so a copy of the collection opens no session. Sessions slide on use up to an absolute limit.
 */
export class SessionStore {
  private readonly sessions: Collection<SessionDocument>;

  constructor(
    db: Db,
    private readonly limits: SessionLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.sessions = db.collection<SessionDocument>('console_sessions');
  }

  async init(): Promise<void> {
    // Swept by the store itself rather than a TTL index, which FerretDB does not implement.
    await this.sessions.createIndex({ expiresAt: 1 });
  }

  /** A new session (a new id and CSRF token) holding `data`. */
  async create(data: Pick<Session, 'login' | 'user' | 'tokens'>): Promise<Session> {
    const now = this.now();
    const session: Session = { id: randomToken(), csrfToken: randomToken(), createdAt: now, expiresAt: now + this.limits.idleMs, ...data };
    await this.sessions.deleteMany({ expiresAt: { $lte: new Date(now) } });
    await this.sessions.insertOne(this.toDocument(session));
    return session;
  }

  /** The live session with this id, its expiry moved on; undefined when unknown or ended. */
  async touch(id: string): Promise<Session | undefined> {
    const document = await this.sessions.findOne({ _id: digest(id) });
    const now = this.now();
    if (!document || document.expiresAt.getTime() <= now) return undefined;
    const expiresAt = Math.min(now + this.limits.idleMs, document.createdAt.getTime() + this.limits.maxMs);
    await this.sessions.updateOne({ _id: document._id }, { $set: { expiresAt: new Date(expiresAt) } });
    const { _id, createdAt, ...rest } = document;
    return { ...rest, id, createdAt: createdAt.getTime(), expiresAt };
  }

  async save(session: Session): Promise<void> {
    await this.sessions.replaceOne({ _id: digest(session.id) }, this.toDocument(session));
  }

  async destroy(id: string): Promise<void> {
    await this.sessions.deleteOne({ _id: digest(id) });
  }

  private toDocument({ id, createdAt, expiresAt, ...rest }: Session): SessionDocument {
    return { ...rest, _id: digest(id), createdAt: new Date(createdAt), expiresAt: new Date(expiresAt) };
  }
}
