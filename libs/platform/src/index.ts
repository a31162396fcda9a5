export * from './config';
export * from './kafka';
export * from './event-store.provider';
export * from './platform.module';
export * from './bootstrap';
export { KAFKA_CLIENT, KafkaHealthIndicator } from './health/kafka.health';
export { HealthController } from './health/health.controller';
export * from './cases/case-store';
export * from './tenants/tenant-directory';
