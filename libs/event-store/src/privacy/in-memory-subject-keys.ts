import { randomBytes } from 'node:crypto';
import { SubjectErasedError } from './errors';
import type { SubjectKeys } from './subject-keys';

/** Keys in process memory: for unit tests and tools, with the same erasure rules as the real store. */
export class InMemorySubjectKeys implements SubjectKeys {
  private readonly keys = new Map<string, Buffer | 'erased'>();

  async getOrCreate(subjectId: string): Promise<Buffer> {
    const existing = this.keys.get(subjectId);
    if (existing === 'erased') throw new SubjectErasedError(subjectId);
    if (existing) return existing;
    const key = randomBytes(32);
    this.keys.set(subjectId, key);
    return key;
  }

  async find(subjectId: string): Promise<Buffer | undefined> {
    const existing = this.keys.get(subjectId);
    return existing === 'erased' ? undefined : existing;
  }

  async erase(subjectId: string): Promise<void> {
    this.keys.set(subjectId, 'erased');
  }
}
