import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';

/**
 * The controller methods of an app subscribed to a Kafka topic (`@EventPattern(topic)`). A service must have
 * exactly one per topic: with two, Nest runs them detached from the delivery and the offset is committed first.
 */
export function eventPatternHandlers(app: INestApplicationContext, topic: string): string[] {
  return new DiscoveryService(app.get(ModulesContainer)).getControllers().flatMap(({ instance }) => {
    const prototype: Record<string, unknown> | undefined = instance ? Object.getPrototypeOf(instance) : undefined;
    if (!prototype) return [];
    return Object.getOwnPropertyNames(prototype).filter((name) => {
      const method = prototype[name];
      if (typeof method !== 'function') return false;
      const patterns: unknown = Reflect.getMetadata(PATTERN_METADATA, method);
      return Array.isArray(patterns) && patterns.includes(topic);
    });
  });
}
