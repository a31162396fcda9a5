import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import type { JsonObject } from '@civic/event-store';
import type { EventConsumer } from '@civic/messaging';
import { CASE_EVENTS_CONSUMER, CASE_EVENTS_TOPIC } from '@civic/platform';
import { CaseEventsHandler } from './case-events.handler';

/**
 * deadline-watch's subscription to `case-events`: the consumer toolkit dedupes by event id, retries, and
 * dead-letters; the handler re-plans the case. Returns only when the message is done with, so the offset is
 * committed after it (this must be the only handler of the pattern: see app.module.ts).
 */
@Controller()
export class CaseEventsController {
  constructor(
    @Inject(CASE_EVENTS_CONSUMER) private readonly consumer: EventConsumer,
    private readonly handler: CaseEventsHandler,
  ) {}

  @EventPattern(CASE_EVENTS_TOPIC)
  async onCaseEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handleContext<JsonObject>(context, (event) => this.handler.handle(event));
  }
}
