import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@civic/auth';
import {
  open311ClientsDecider,
  open311ClientsStreamName,
  type Open311ClientKey,
  type Open311ClientsCommand,
  type Open311ClientsRejection,
} from '@civic/domain';
import { createCommandHandler, type CommandHandler, type EventStore } from '@civic/event-store';
import { CLOCK, EVENT_STORE, TenantDirectory, type Clock } from '@civic/platform';
import { z } from 'zod';
import { UnknownTenantError } from '../../cases/errors';
import { administratorOf } from '../../tenants/administrator';
import { parseBody } from '../../cases/parse-body';
import { IssuedOpen311Keys } from './issued-keys';

/** A client as listed: never its key, which only its issuing showed. */
export type ListedClient = Omit<Open311ClientKey, 'digest'>;

/** The answer to issuing: the key, this once. */
export interface IssuedClient extends ListedClient {
  apiKey: string;
}

/** A change refused by the domain. */
export class Open311ClientRejectedError extends Error {
  constructor(readonly rejection: Open311ClientsRejection) {
    super(`${rejection.type}: ${rejection.message.en}`);
    this.name = 'Open311ClientRejectedError';
  }
}

const issueSchema = z
  .object({
    client: z
      .string()
      .trim()
      .regex(
        /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,79}$/u,
        'must be 1 to 80 letters, digits, spaces, dots, dashes or underscores, e.g. "Sopot city app"',
      ),
  })
  .strict();
const revokeSchema = z.object({ reason: z.string().trim().min(1, 'is required: say why, for the record').max(1000) }).strict();

/**
 * Open311 keys issued per client through the API: 256 random bits, shown once, only their SHA-256 recorded
 * (open311clients-<tenant>); revoked with a reason. OPEN311_API_KEYS stays for bootstrapping a deployment.
 */
@Injectable()
export class Open311Clients {
  private readonly commands: CommandHandler<Open311ClientsCommand, Open311ClientsRejection>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly issued: IssuedOpen311Keys,
    private readonly tenants: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.commands = createCommandHandler({
      store,
      decider: open311ClientsDecider,
      streamName: (command: Open311ClientsCommand) => open311ClientsStreamName(command.metadata.tenant),
    });
  }

  async list(tenant: string): Promise<ListedClient[]> {
    this.known(tenant);
    return (await this.issued.all(tenant)).map(({ digest: _digest, ...client }) => client);
  }

  async issue(tenant: string, principal: Principal, body: unknown): Promise<IssuedClient> {
    this.known(tenant);
    const { client } = parseBody(issueSchema, body);
    const apiKey = randomBytes(32).toString('hex');
    const digest = createHash('sha256').update(apiKey, 'utf8').digest('hex');
    const keyId = digest.slice(0, 12);
    await this.decide({ type: 'IssueOpen311Key', data: { client, keyId, digest }, metadata: this.metadata(tenant, principal) });
    const listed = (await this.list(tenant)).find((entry) => entry.keyId === keyId);
    if (!listed) throw new Error(`the key ${keyId} was issued but is not in open311clients-${tenant}`);
    return { ...listed, apiKey };
  }

  async revoke(tenant: string, principal: Principal, keyId: string, body: unknown): Promise<ListedClient> {
    this.known(tenant);
    const { reason } = parseBody(revokeSchema, body);
    await this.decide({ type: 'RevokeOpen311Key', data: { keyId, reason }, metadata: this.metadata(tenant, principal) });
    const listed = (await this.list(tenant)).find((entry) => entry.keyId === keyId);
    if (!listed) throw new Error(`the key ${keyId} was revoked but is not in open311clients-${tenant}`);
    return listed;
  }

  private async decide(command: Open311ClientsCommand): Promise<void> {
    const outcome = await this.commands.handle(command);
    this.issued.forget(command.metadata.tenant);
    if (!outcome.ok) throw new Open311ClientRejectedError(outcome.rejection);
  }

  private known(tenant: string): void {
    if (!this.tenants.get(tenant)) throw new UnknownTenantError(tenant);
  }

  private metadata(tenant: string, principal: Principal): Open311ClientsCommand['metadata'] {
    return {
      tenant,
      actor: administratorOf(principal),
      commandId: randomUUID(),
      correlationId: randomUUID(),
      now: this.clock.now().toISOString(),
    };
  }
}
