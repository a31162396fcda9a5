import type { AllStreamSubscription } from '@eventstore/db-client';
import type { AllSubscription, RecordedEvent } from '../port';
import { isOwnEvent, toRecordedEvent } from './mapping';

/** The client's catch-up subscription, mapped to the port; `close()` unsubscribes, which ends the iteration. */
export class EsdbAllSubscription implements AllSubscription {
  private closing: Promise<void> | undefined;

  constructor(private readonly inner: AllStreamSubscription) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    try {
      for await (const resolved of this.inner) {
        if (isOwnEvent(resolved.event)) yield toRecordedEvent(resolved.event);
      }
    } catch (error) {
      if (!this.closing) throw error;
    } finally {
      await this.close();
    }
  }

  close(): Promise<void> {
    this.closing ??= this.inner.unsubscribe();
    return this.closing;
  }
}
