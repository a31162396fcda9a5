import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { CASE_EVENTS_TOPIC } from './kafka';

/**
 * Every service subscribes to `case-events` from its first day, so its consumer group, offsets and health
 * are real before its handlers are. A service's own handlers replace this trace as they arrive.
 */
@Controller()
export class CaseEventsTrace {
  private readonly logger = new Logger(CaseEventsTrace.name);

  @EventPattern(CASE_EVENTS_TOPIC)
  trace(@Payload() _event: unknown, @Ctx() context: KafkaContext): void {
    const message = context.getMessage();
    this.logger.debug({ partition: context.getPartition(), offset: message.offset, key: message.key?.toString() }, 'case event received');
  }
}
