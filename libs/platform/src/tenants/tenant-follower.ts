import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { parseTenantCharter, TENANT_STREAM_PREFIX, type Actor, type IsoDate } from '@civic/domain';
import { canonicalJson, type AllSubscription, type EventStore, type GlobalPosition, type RecordedEvent } from '@civic/event-store';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from '../event-store.provider';
import { DEFAULT_TENANTS_DIR, TenantDirectory } from './tenant-directory';
import { TenantRegistry } from './tenant-registry';

/** Where the seed tenants' files are: TENANTS_DIR, or the ones shipped with the domain library. */
export const TENANT_SEEDS_DIR = Symbol('TENANT_SEEDS_DIR');

const FILTER = { streamNamePrefixes: [TENANT_STREAM_PREFIX] };
const PAGE = 500;
/** The seed import's actor: the platform itself, bringing in the files it ships with. */
const SEED_IMPORT: Actor = { id: 'platform:seed-import', role: 'system' };

/**
 * Keeps the service's TenantDirectory in step with the tenants' streams: reads them all before the service
 * starts (so it never serves without its tenants), imports the seed files of tenants the store does not have
 * yet (the first start of a deployment), then follows the store live, so a new municipality or a new charter
 * version reaches every instance of every service within moments, without a restart.
 */
@Injectable()
export class TenantFollower implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('TenantFollower');
  private position: GlobalPosition | 'start' = 'start';
  private subscription: AllSubscription | undefined;
  private following: Promise<void> | undefined;
  private lastError: string | undefined;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: TenantDirectory,
    private readonly registry: TenantRegistry,
    @Inject(TENANT_SEEDS_DIR) private readonly seedsDir: string | undefined,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.catchUp();
    await this.importSeeds();
    await this.catchUp();
    this.following = this.follow();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close().catch(() => undefined);
    await this.following;
  }

  /** Up while following the tenants' streams, with the latest version of each tenant this instance holds. */
  check(key = 'tenants') {
    const indicator = this.indicators.check(key);
    const details = { held: this.directory.held() };
    return this.lastError ? indicator.down({ ...details, message: this.lastError }) : indicator.up(details);
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ from: this.position, maxCount: PAGE, filter: FILTER });
      for (const event of page) this.take(event);
      if (page.length < PAGE) return;
    }
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      try {
        this.subscription = this.store.subscribeToAll({ from: this.position, filter: FILTER });
        for await (const event of this.subscription) {
          this.take(event);
          this.lastError = undefined;
        }
        if (this.stopped) return;
      } catch (error) {
        if (this.stopped) return;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn(`following the tenants' streams failed, resuming in 1 s: ${this.lastError}`);
      }
      await sleep(1_000);
    }
  }

  /** One recorded version into the directory. A version the charter schema no longer accepts is left out, loudly. */
  private take(event: RecordedEvent): void {
    this.position = event.position;
    if (event.type !== 'TenantRegistered' && event.type !== 'CharterRevised') return;
    const data = event.data as { version: number; effectiveFrom: IsoDate; charter: unknown; reason: string };
    const metadata = event.metadata as { occurredAt: string; actor: Actor };
    try {
      const charter = parseTenantCharter(data.charter, `${event.streamName} version ${data.version}`);
      this.directory.record({
        version: data.version,
        effectiveFrom: data.effectiveFrom,
        charter,
        reason: data.reason,
        recordedAt: metadata.occurredAt,
        recordedBy: metadata.actor,
      });
    } catch (error) {
      this.logger.error(`a charter version in the event store is not valid and is not served: ${String(error)}`);
    }
  }

  /**
   * Every seed file whose tenant the store does not have becomes its version 1. Several services starting at
   * once import the same file: the stream's expected revision lets one append and the others find it there.
   * A file that differs from what the store holds is only reported: once imported, the store's record is in force.
   */
  private async importSeeds(): Promise<void> {
    const seeds = TenantDirectory.readFiles(this.seedsDir ?? DEFAULT_TENANTS_DIR);
    for (const { file, charter } of seeds) {
      const held = this.directory.versions(charter.slug).at(-1);
      if (held) {
        if (canonicalJson(held.charter) !== canonicalJson(charter)) {
          this.logger.warn(
            `${file} differs from version ${held.version} of ${charter.slug} in the event store, which is in force; change a charter through PUT /platform/tenants/${charter.slug}/charter`,
          );
        }
        continue;
      }
      const outcome = await this.registry.handle({
        type: 'RegisterTenant',
        data: { charter, reason: `imported from ${file} on the first start` },
        metadata: {
          tenant: charter.slug,
          actor: SEED_IMPORT,
          commandId: `seed-import:${charter.slug}`,
          correlationId: randomUUID(),
          now: new Date().toISOString(),
          prefixesInUse: this.registry.prefixesInUse(),
        },
      });
      if (!outcome.ok && outcome.rejection.type !== 'TenantAlreadyRegistered') {
        throw new Error(`${file} could not be imported: ${outcome.rejection.message.en}`);
      }
    }
  }
}
