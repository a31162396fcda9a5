import { compareDates } from '../../calendar/dates';
import { toLocalDate } from '../../calendar/time-zone';
import type { Decider } from '../../case/decider';
import { exhaustive } from '../../case/exhaustive';
import type { Result } from '../../case/result';
import type { Actor, Role } from '../../case/roles';
import type { Instant, IsoDate, LocalizedText, TenantSlug } from '../../shared/vocabulary';
import type { TenantCharter } from '../charter.schema';
import { evolveTenant, initialTenantState, type TenantEvent, type TenantEventMetadata, type TenantState } from './charter-events';

export interface TenantCommandMetadata {
  tenant: TenantSlug;
  actor: Actor;
  commandId: string;
  correlationId: string;
  now: Instant;
  /**
   * The registry prefixes other municipalities use, by prefix (a lookup the application passes in): a
   * registry number names its municipality, so no two share a prefix.
   */
  prefixesInUse: Readonly<Record<string, TenantSlug>>;
}

/** A new municipality from its charter data (already valid by the charter schema). */
export interface RegisterTenant {
  type: 'RegisterTenant';
  data: { charter: TenantCharter; reason: string };
  metadata: TenantCommandMetadata;
}

/**
 * A new version of the charter from a day on. `basedOnVersion`: the version the editor changed, so a
 * version recorded meanwhile is not overwritten unseen.
 */
export interface ReviseCharter {
  type: 'ReviseCharter';
  data: { charter: TenantCharter; effectiveFrom: IsoDate; reason: string; basedOnVersion?: number };
  metadata: TenantCommandMetadata;
}

export type TenantCommand = RegisterTenant | ReviseCharter;

type Named<T extends string, D = unknown> = { type: T; message: LocalizedText } & D;
/** `field`: where in the request the problem is, for a 400 that names it. */
export type TenantRejection =
  | Named<'NotPermittedForRole', { role: Role }>
  | Named<'TenantAlreadyRegistered', { tenant: TenantSlug }>
  | Named<'TenantNotRegistered', { tenant: TenantSlug }>
  | Named<'RegistryPrefixTaken', { field: 'charter.registryPrefix'; prefix: string; tenant: TenantSlug }>
  | Named<'FieldFixed', { field: 'charter.slug' | 'charter.registryPrefix' }>
  | Named<'NotInTheFuture', { field: 'effectiveFrom'; effectiveFrom: IsoDate; today: IsoDate }>
  | Named<'BeforeLatestVersion', { field: 'effectiveFrom'; effectiveFrom: IsoDate; latest: { version: number; effectiveFrom: IsoDate } }>
  | Named<'StaleCharterVersion', { field: 'basedOnVersion'; basedOnVersion: number; currentVersion: number }>
  | Named<'UnknownCommand', { command: string }>;

/** Who may do what to a municipality's record: the platform operator creates it; its own administrator may revise it. */
const MAY: Record<TenantCommand['type'], readonly Role[]> = {
  // The system: the platform importing the seed files it ships with, on a deployment's first start.
  RegisterTenant: ['platform-operator', 'system'],
  ReviseCharter: ['platform-operator', 'tenant-admin'],
};

const rejected = (rejection: TenantRejection): Result<TenantEvent, TenantRejection> => ({ ok: false, rejection });

function metadataOf(command: TenantCommand): TenantEventMetadata {
  const { tenant, actor, commandId, correlationId, now } = command.metadata;
  return { tenant, actor, correlationId, causationId: commandId, occurredAt: now, schemaVersion: 1 };
}

function prefixTaken(command: TenantCommand): TenantRejection | undefined {
  const { registryPrefix: prefix } = command.data.charter;
  const tenant = command.metadata.prefixesInUse[prefix];
  if (tenant === undefined || tenant === command.metadata.tenant) return undefined;
  return {
    type: 'RegistryPrefixTaken',
    field: 'charter.registryPrefix',
    prefix,
    tenant,
    message: {
      bg: `Префиксът на регистъра ${prefix} вече се използва от ${tenant}.`,
      en: `The registry prefix ${prefix} is already used by ${tenant}.`,
    },
  };
}

function register(command: RegisterTenant, state: TenantState): Result<TenantEvent, TenantRejection> {
  const { tenant, now } = command.metadata;
  if (state.versions.length > 0) {
    return rejected({
      type: 'TenantAlreadyRegistered',
      tenant,
      message: { bg: `Община ${tenant} вече е регистрирана.`, en: `The municipality ${tenant} is already registered.` },
    });
  }
  const taken = prefixTaken(command);
  if (taken) return rejected(taken);
  const { charter, reason } = command.data;
  const effectiveFrom = toLocalDate(now, charter.timeZone);
  return {
    ok: true,
    events: [{ type: 'TenantRegistered', data: { version: 1, effectiveFrom, charter, reason }, metadata: metadataOf(command) }],
  };
}

/**
 * A revision applies from tomorrow at the earliest: a case keeps the terms in force on the day it was received,
 * so no version may reach back to a day that has begun. Nor may it apply before the latest version already
 * recorded (which would then undo it from its own day on). The slug and the registry prefix never change:
 * they are in every case's stream name and registry number.
 */
function revise(command: ReviseCharter, state: TenantState): Result<TenantEvent, TenantRejection> {
  const { tenant, now } = command.metadata;
  const latest = state.versions.at(-1);
  if (!latest) {
    return rejected({
      type: 'TenantNotRegistered',
      tenant,
      message: { bg: `Няма регистрирана община ${tenant}.`, en: `No municipality ${tenant} is registered.` },
    });
  }
  const { charter, effectiveFrom, reason, basedOnVersion } = command.data;
  if (basedOnVersion !== undefined && basedOnVersion !== latest.version) {
    return rejected({
      type: 'StaleCharterVersion',
      field: 'basedOnVersion',
      basedOnVersion,
      currentVersion: latest.version,
      message: {
        bg: `Хартата е променена междувременно (версия ${latest.version}, редактирана е ${basedOnVersion}).`,
        en: `The charter changed meanwhile (version ${latest.version}; the edit was of version ${basedOnVersion}).`,
      },
    });
  }
  const fixed = (['slug', 'registryPrefix'] as const).find((field) => charter[field] !== latest.charter[field]);
  if (fixed) {
    return rejected({
      type: 'FieldFixed',
      field: `charter.${fixed}`,
      message: {
        bg: `Полето ${fixed} не се променя: то е във всяка преписка на общината.`,
        en: `The field ${fixed} cannot change: it is part of every case of the municipality.`,
      },
    });
  }
  const today = toLocalDate(now, latest.charter.timeZone);
  if (compareDates(effectiveFrom, today) <= 0) {
    return rejected({
      type: 'NotInTheFuture',
      field: 'effectiveFrom',
      effectiveFrom,
      today,
      message: {
        bg: `Нова версия се прилага от утре (${today} е днес) или по-късно: получените днес преписки запазват условията си.`,
        en: `A new version applies from tomorrow (today is ${today}) or later: cases received today keep their terms.`,
      },
    });
  }
  const scheduled = state.versions.reduce((a, b) => (compareDates(b.effectiveFrom, a.effectiveFrom) >= 0 ? b : a));
  if (compareDates(effectiveFrom, scheduled.effectiveFrom) < 0) {
    return rejected({
      type: 'BeforeLatestVersion',
      field: 'effectiveFrom',
      effectiveFrom,
      latest: { version: scheduled.version, effectiveFrom: scheduled.effectiveFrom },
      message: {
        bg: `Версия ${scheduled.version} се прилага от ${scheduled.effectiveFrom}: нова версия се прилага от същия ден или по-късно.`,
        en: `Version ${scheduled.version} applies from ${scheduled.effectiveFrom}: a new version applies from that day or later.`,
      },
    });
  }
  const version = latest.version + 1;
  return {
    ok: true,
    events: [{ type: 'CharterRevised', data: { version, effectiveFrom, charter, reason }, metadata: metadataOf(command) }],
  };
}

export function decideTenant(command: TenantCommand, state: TenantState): Result<TenantEvent, TenantRejection> {
  const { role } = command.metadata.actor;
  if (!(MAY[command.type] ?? []).includes(role)) {
    return rejected({
      type: 'NotPermittedForRole',
      role,
      message: { bg: `Ролята „${role}“ не може да прави това.`, en: `The role "${role}" may not do this.` },
    });
  }
  switch (command.type) {
    case 'RegisterTenant':
      return register(command, state);
    case 'ReviseCharter':
      return revise(command, state);
    default: {
      const type = (command as { type: string }).type;
      return exhaustive(
        command,
        rejected({ type: 'UnknownCommand', command: type, message: { bg: `Непозната команда ${type}.`, en: `Unknown command ${type}.` } }),
      );
    }
  }
}

/** A municipality's record as a decider, for the generic command handler (read → fold → decide → append). */
export const tenantDecider: Decider<TenantCommand, TenantEvent, TenantState, TenantRejection> = {
  decide: decideTenant,
  evolve: evolveTenant,
  initialState: initialTenantState,
};
