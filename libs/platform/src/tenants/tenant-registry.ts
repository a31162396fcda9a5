import { Inject, Injectable } from '@nestjs/common';
import { tenantDecider, tenantStreamName, type TenantCommand, type TenantRejection, type TenantState } from '@civic/domain';
import { createCommandHandler, type CommandHandler, type EventStore, type HandleOutcome } from '@civic/event-store';
import { EVENT_STORE } from '../event-store.provider';
import { TenantDirectory } from './tenant-directory';

/**
 * The one way a municipality's record changes: a command decided on its stream `tenant-<slug>` in the event
 * store (not the case store: a charter holds nothing personal), appended with the revision it was decided on.
 * The registry prefixes in use come from the directory, which every service keeps from those streams.
 */
@Injectable()
export class TenantRegistry {
  private readonly commands: CommandHandler<TenantCommand, TenantRejection, TenantState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly directory: TenantDirectory,
  ) {
    this.commands = createCommandHandler({
      store,
      decider: tenantDecider,
      streamName: (command: TenantCommand) => tenantStreamName(command.metadata.tenant),
    });
  }

  /** The registry prefix of every tenant held, by prefix: what a new or revised charter may not take. */
  prefixesInUse(): Record<string, string> {
    return Object.fromEntries(this.directory.list().map((charter) => [charter.registryPrefix, charter.slug]));
  }

  handle(command: TenantCommand): Promise<HandleOutcome<TenantRejection, TenantState>> {
    return this.commands.handle(command);
  }
}
