import type { Decider } from '../../case/decider';
import { exhaustive } from '../../case/exhaustive';
import type { Result } from '../../case/result';
import type { Actor, Role } from '../../case/roles';
import type { Instant, LocalizedText, TenantSlug } from '../../shared/vocabulary';

/**
 * The Open311 clients of a municipality (a city app, a neighbourhood group's site), each with its own API key,
 * event-sourced in `open311clients-<tenant>`. Only a key's SHA-256 is recorded: the key itself is shown once, to
 * whoever issued it, and is nowhere else.
 */
export const open311ClientsStreamName = (tenant: TenantSlug): string => `open311clients-${tenant}`;

export interface Open311ClientsMetadata {
  tenant: TenantSlug;
  actor: Actor;
  commandId: string;
  correlationId: string;
  now: Instant;
}

/** A new key for a client: `digest` is the key's SHA-256 in hex, `keyId` its first 12 digits. */
export interface IssueOpen311Key {
  type: 'IssueOpen311Key';
  data: { client: string; keyId: string; digest: string };
  metadata: Open311ClientsMetadata;
}

export interface RevokeOpen311Key {
  type: 'RevokeOpen311Key';
  data: { keyId: string; reason: string };
  metadata: Open311ClientsMetadata;
}

export type Open311ClientsCommand = IssueOpen311Key | RevokeOpen311Key;

interface EventMetadata {
  tenant: TenantSlug;
  actor: Actor;
  correlationId: string;
  causationId: string;
  occurredAt: Instant;
  schemaVersion: 1;
}

export interface Open311KeyIssued {
  type: 'Open311KeyIssued';
  data: { client: string; keyId: string; digest: string };
  metadata: EventMetadata;
}

export interface Open311KeyRevoked {
  type: 'Open311KeyRevoked';
  data: { keyId: string; reason: string };
  metadata: EventMetadata;
}

export type Open311ClientsEvent = Open311KeyIssued | Open311KeyRevoked;

export interface Open311ClientKey {
  client: string;
  keyId: string;
  digest: string;
  issuedAt: Instant;
  issuedBy: string;
  revokedAt: Instant | null;
  revokedBy: string | null;
  revocationReason: string | null;
}

export interface Open311ClientsState {
  keys: Open311ClientKey[];
}

export const initialOpen311Clients = (): Open311ClientsState => ({ keys: [] });

export function evolveOpen311Clients(state: Open311ClientsState, event: Open311ClientsEvent): Open311ClientsState {
  const { occurredAt, actor } = event.metadata;
  switch (event.type) {
    case 'Open311KeyIssued': {
      const key = { ...event.data, issuedAt: occurredAt, issuedBy: actor.id, revokedAt: null, revokedBy: null, revocationReason: null };
      return { keys: [...state.keys, key] };
    }
    case 'Open311KeyRevoked':
      return {
        keys: state.keys.map((key) =>
          key.keyId === event.data.keyId
            ? { ...key, revokedAt: occurredAt, revokedBy: actor.id, revocationReason: event.data.reason }
            : key,
        ),
      };
    default:
      return exhaustive(event, state);
  }
}

type Named<T extends string, D = unknown> = { type: T; message: LocalizedText } & D;
export type Open311ClientsRejection =
  | Named<'NotPermittedForRole', { role: Role }>
  | Named<'ClientNameInUse', { field: 'client'; client: string }>
  | Named<'KeyNotFound', { field: 'keyId'; keyId: string }>
  | Named<'KeyAlreadyRevoked', { field: 'keyId'; keyId: string }>;

/** The municipality's administrator and the platform operator (who sets a new municipality up) manage its clients. */
const MANAGE: readonly Role[] = ['tenant-admin', 'platform-operator'];

const metadataOf = (command: Open311ClientsCommand): EventMetadata => {
  const { tenant, actor, commandId, correlationId, now } = command.metadata;
  return { tenant, actor, correlationId, causationId: commandId, occurredAt: now, schemaVersion: 1 };
};

const active = (state: Open311ClientsState) => state.keys.filter((key) => key.revokedAt === null);

export function decideOpen311Clients(
  command: Open311ClientsCommand,
  state: Open311ClientsState,
): Result<Open311ClientsEvent, Open311ClientsRejection> {
  const { role } = command.metadata.actor;
  if (!MANAGE.includes(role)) {
    const message = { bg: `Ролята „${role}“ не управлява ключовете за Open311.`, en: `The role "${role}" does not manage Open311 keys.` };
    return { ok: false, rejection: { type: 'NotPermittedForRole', role, message } };
  }
  switch (command.type) {
    case 'IssueOpen311Key': {
      const { client } = command.data;
      if (active(state).some((key) => key.client === client)) {
        const message = {
          bg: `Клиентът „${client}“ вече има действащ ключ: отнемете го първо или изберете друго име.`,
          en: `The client "${client}" already has a key in use: revoke it first or choose another name.`,
        };
        return { ok: false, rejection: { type: 'ClientNameInUse', field: 'client', client, message } };
      }
      return { ok: true, events: [{ type: 'Open311KeyIssued', data: command.data, metadata: metadataOf(command) }] };
    }
    case 'RevokeOpen311Key': {
      const { keyId } = command.data;
      const key = state.keys.find((candidate) => candidate.keyId === keyId);
      if (!key) {
        const message = { bg: `Няма ключ ${keyId}.`, en: `No key ${keyId}.` };
        return { ok: false, rejection: { type: 'KeyNotFound', field: 'keyId', keyId, message } };
      }
      if (key.revokedAt !== null) {
        const message = { bg: `Ключът ${keyId} вече е отнет.`, en: `The key ${keyId} is already revoked.` };
        return { ok: false, rejection: { type: 'KeyAlreadyRevoked', field: 'keyId', keyId, message } };
      }
      return { ok: true, events: [{ type: 'Open311KeyRevoked', data: command.data, metadata: metadataOf(command) }] };
    }
    default:
      return exhaustive(command, { ok: false, rejection: { type: 'NotPermittedForRole', role, message: { bg: '', en: '' } } });
  }
}

export const open311ClientsDecider: Decider<Open311ClientsCommand, Open311ClientsEvent, Open311ClientsState, Open311ClientsRejection> = {
  decide: decideOpen311Clients,
  evolve: evolveOpen311Clients,
  initialState: initialOpen311Clients,
};

/** The keys in use now. */
export const keysInUse = (state: Open311ClientsState): Open311ClientKey[] => active(state);

/** The state from the stream as stored. */
export const foldOpen311Clients = (events: readonly { type: string; data: unknown; metadata: unknown }[]): Open311ClientsState =>
  events.reduce((state, event) => evolveOpen311Clients(state, event as Open311ClientsEvent), initialOpen311Clients());
