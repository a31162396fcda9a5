import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import type { JsonObject } from '@civic/event-store';
import type { EventConsumer } from '@civic/messaging';
import { CASE_EVENTS_CONSUMER, CASE_EVENTS_TOPIC } from '@civic/platform';
import { CaseEventsHandler } from './case-events.handler';

/**
 * notification's subscription to `case-events`: the toolkit dedupes by event id, retries and dead-letters;
 * the handler only queues messages in the outbox. Returns when the message is done with, so the offset is
 * committed after the outbox has the messages (the only handler of the pattern: see app.module.ts).
 */
@Controller()
export class CaseEventsController {
  constructor(
    @Inject(CASE_EVENTS_CONSUMER) private readonly consumer: EventConsumer,
    private readonly handler: CaseEventsHandler,
  ) {}

  @EventPattern(CASE_EVENTS_TOPIC)
  async onCaseEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handleContext<JsonObject>(context, async (event) => {
      await this.handler.handle(event);
    });
  }
}
