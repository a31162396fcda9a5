import { randomUUID } from 'node:crypto';
import type { Decider } from '@civic/domain';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type { EventStore, EventToAppend, ExpectedRevision, GlobalPosition, JsonObject, RecordedEvent, StreamRevision } from '../port';

/** What a decider's events look like on the way to and from the store. */
export interface DomainEvent {
  type: string;
  data: object;
  metadata: object;
}

export interface CommandHandlerOptions<C, E extends DomainEvent, S, R> {
  store: EventStore;
  decider: Decider<C, E, S, R>;
  /** Which stream holds the state the command is decided on, e.g. `case-<uuid>`. */
  streamName: (command: C) => string;
  /** A stored event back to a domain event (upcast, decrypt); default: its type, data and metadata as stored. */
  fromRecorded?: (event: RecordedEvent) => E;
  /** Decided events to the store's shape (encrypt, add a hash link); default: each with a new UUID. */
  toEventsToAppend?: (events: E[], command: C) => EventToAppend[] | Promise<EventToAppend[]>;
  /** Re-reads and decisions after a concurrent write, before giving up; default 3. */
  maxRetries?: number;
  /**
   * The command's id, which its events carry as `metadata.causationId`; default `command.metadata.commandId`.
   * A command whose id already caused events on the stream is not decided again: its earlier events are
   * returned with `duplicate: true` (a redelivered message, a retried request, two consumers in a rebalance).
   */
  commandIdOf?: (command: C) => string | undefined;
}

/** An event as appended: what was written and where. */
export interface AppendedEvent extends EventToAppend {
  streamName: string;
  revision: StreamRevision;
}

export type HandleOutcome<R, S = unknown> =
  | {
      ok: true;
      events: AppendedEvent[];
      /** The stream's state after the decision: what was read, with the appended events folded in. */
      state: S;
      /** The stream's revision now; `'no-stream'` when the decision appended nothing to a new stream. */
      nextExpectedRevision: ExpectedRevision;
      /** The position of the append's last event; none when nothing was appended. */
      position?: GlobalPosition;
      /** 1 + the number of retries it took. */
      attempts: number;
      /** The command had been handled before; `events` are the ones it appended then. */
      duplicate?: true;
    }
  | { ok: false; rejection: R; attempts: number };

export interface HandleOptions {
  /**
   * The revision the caller decided on (an HTTP If-Match). The command is decided only on that revision:
   * when the stream has moved on, WrongExpectedRevisionError is thrown with the actual revision, and a
   * concurrent write is not retried. A command already handled still answers as a duplicate.
   */
  expectedRevision?: StreamRevision | 'no-stream';
}

export interface CommandHandler<C, R, S = unknown> {
  handle(command: C, options?: HandleOptions): Promise<HandleOutcome<R, S>>;
  /**
   * Several commands on one stream, decided in order on one read (each on the state the ones before it
   * left) and appended together, all or nothing: one read and one append instead of one of each per
   * command. A command that already caused events on the stream is not decided again (its events are not
   * in `events`; when every command is such a one, the outcome is the first's `duplicate`). The first
   * rejection is returned and nothing is appended. A concurrent write re-runs the whole cycle, as `handle`.
   */
  handleAll(commands: readonly C[], options?: HandleOptions): Promise<HandleOutcome<R, S>>;
}

const asStored = <E>(event: RecordedEvent): E => ({ type: event.type, data: event.data, metadata: event.metadata }) as E;

const metadataCommandId = (command: unknown): string | undefined => {
  const id = (command as { metadata?: { commandId?: unknown } }).metadata?.commandId;
  return typeof id === 'string' ? id : undefined;
};

const causedBy = (event: RecordedEvent, commandId: string): boolean =>
  (event.metadata as { causationId?: unknown } | undefined)?.causationId === commandId;

const withNewIds = (events: DomainEvent[]): EventToAppend[] =>
  events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data as JsonObject, metadata: e.metadata as JsonObject }));

/**
 * The one way commands change a stream (oskardudycz/EventSourcing.NodeJS, core/commandHandling.ts):
 * read → fold → decide → append with the revision that was read. When another writer got there
 * first, the whole cycle runs again on the new state, so the decision always sees every earlier event;
 * after `maxRetries` the WrongExpectedRevisionError is thrown. Rejections are returned, never thrown.
 */
export function createCommandHandler<C, E extends DomainEvent, S, R>({
  store,
  decider,
  streamName,
  fromRecorded = asStored,
  toEventsToAppend = withNewIds,
  maxRetries = 3,
  commandIdOf = metadataCommandId,
}: CommandHandlerOptions<C, E, S, R>): CommandHandler<C, R, S> {
  async function load(stream: string): Promise<{ state: S; revision: StreamRevision | 'no-stream'; events: RecordedEvent[] }> {
    try {
      const events = await store.readStream(stream);
      const state = events.map(fromRecorded).reduce(decider.evolve, decider.initialState());
      return { state, revision: events.length === 0 ? 'no-stream' : events[events.length - 1].revision, events };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { state: decider.initialState(), revision: 'no-stream', events: [] };
      throw error;
    }
  }

  const asAppended = (event: RecordedEvent): AppendedEvent => ({
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    streamName: event.streamName,
    revision: event.revision,
  });

  async function handleAll(commands: readonly C[], { expectedRevision: pinned }: HandleOptions = {}): Promise<HandleOutcome<R, S>> {
    if (commands.length === 0) throw new TypeError('handleAll needs at least one command');
    const stream = streamName(commands[0]);
    if (commands.some((command) => streamName(command) !== stream)) throw new TypeError(`handleAll: every command must be on ${stream}`);
    for (let attempts = 1; ; attempts++) {
      const loaded = await load(stream);
      const { revision, events } = loaded;
      const pending = commands.filter((command) => {
        const commandId = commandIdOf(command);
        return commandId === undefined || !events.some((event) => causedBy(event, commandId));
      });
      if (pending.length === 0) {
        const commandId = commandIdOf(commands[0]) as string;
        const earlier = events.filter((event) => causedBy(event, commandId));
        return {
          ok: true,
          events: earlier.map(asAppended),
          state: loaded.state,
          nextExpectedRevision: revision,
          position: earlier.at(-1)?.position,
          attempts,
          duplicate: true,
        };
      }
      if (pinned !== undefined && pinned !== revision) throw new WrongExpectedRevisionError(stream, pinned, revision);
      let state = loaded.state;
      const toAppend: EventToAppend[] = [];
      for (const command of pending) {
        const decision = decider.decide(command, state);
        if (!decision.ok) return { ok: false, rejection: decision.rejection, attempts };
        state = decision.events.reduce(decider.evolve, state);
        if (decision.events.length > 0) toAppend.push(...(await toEventsToAppend(decision.events, command)));
      }
      if (toAppend.length === 0) return { ok: true, events: [], state, nextExpectedRevision: revision, attempts };

      try {
        const result = await store.appendToStream(stream, toAppend, { expectedRevision: revision });
        const first = result.nextExpectedRevision - toAppend.length + 1;
        return {
          ok: true,
          events: toAppend.map((event, i) => ({ ...event, streamName: stream, revision: first + i })),
          state,
          nextExpectedRevision: result.nextExpectedRevision,
          position: result.position,
          attempts,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || pinned !== undefined || attempts > maxRetries) throw error;
      }
    }
  }

  return {
    handle: (command, options) => handleAll([command], options),
    handleAll,
  };
}
