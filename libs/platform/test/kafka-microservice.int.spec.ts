import { Controller, INestMicroservice } from '@nestjs/common';
import { EventPattern, Payload, Ctx, KafkaContext } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { eventually, kafkaBrokers, uniqueName } from '@civic/testing';
import { logLevel, Kafka, type Producer } from 'kafkajs';
import { ensureTopics, kafkaMicroserviceOptions } from '../src/kafka';

const topic = uniqueName('platform-roundtrip');
const received: { value: unknown; key?: string }[] = [];

@Controller()
class RoundTripController {
  @EventPattern(topic)
  handle(@Payload() value: unknown, @Ctx() context: KafkaContext): void {
    received.push({ value, key: context.getMessage().key?.toString() });
  }
}

describe('a Nest Kafka microservice on the real broker', () => {
  let microservice: INestMicroservice;
  let producer: Producer;

  beforeAll(async () => {
    const brokers = await kafkaBrokers();
    const kafka = new Kafka({ brokers, clientId: 'platform-int', logLevel: logLevel.NOTHING });
    await ensureTopics(kafka, [{ topic, numPartitions: 1 }]);
    const moduleRef = await Test.createTestingModule({ controllers: [RoundTripController] }).compile();
    microservice = moduleRef.createNestMicroservice(
      kafkaMicroserviceOptions({ brokers, clientId: 'platform-int', groupId: uniqueName('platform-int') }),
    );
    microservice.useLogger(false);
    await microservice.listen();
    producer = kafka.producer({ idempotent: true });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await microservice?.close();
  });

  it('consumes a message produced with kafkajs, payload and key intact', async () => {
    const caseId = '4b0c2f0e-8f1e-4c53-9d3c-6f0f1f6c2a11';
    await producer.send({
      topic,
      messages: [{ key: caseId, value: JSON.stringify({ type: 'CaseRegistered', caseId }) }],
    });
    await eventually(
      async () => received.length,
      (n) => n >= 1,
      { what: 'the message consumed' },
    );
    expect(received).toEqual([{ key: caseId, value: { type: 'CaseRegistered', caseId } }]);
  });
});
