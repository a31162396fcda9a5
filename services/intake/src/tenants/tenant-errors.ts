import { HttpStatus } from '@nestjs/common';
import type { Open311ClientsRejection, TenantRejection } from '@civic/domain';
import { errorBody, type ErrorResponse } from '@civic/platform';
import { Open311ClientRejectedError } from '../open311/clients/open311-clients.service';
import { IdentityProviderUnavailableError, StaffAccountExistsError } from './staff/staff-accounts';

/** A change refused by the domain: the rejection as decided. */
export class TenantChangeRejectedError extends Error {
  constructor(readonly rejection: TenantRejection) {
    super(`${rejection.type}: ${rejection.message.en}`);
    this.name = 'TenantChangeRejectedError';
  }
}

/** No version with this number in the tenant's record. */
export class CharterVersionNotFoundError extends Error {
  constructor(readonly version: string) {
    super(`no version "${version}" of this charter`);
    this.name = 'CharterVersionNotFoundError';
  }
}

/** The status and the field of each refusal; the rejection itself (bg/en message, facts) goes beside the errors. */
const STATUS: { readonly [T in TenantRejection['type']]: { status: number; field: string } } = {
  NotPermittedForRole: { status: HttpStatus.FORBIDDEN, field: 'role' },
  TenantAlreadyRegistered: { status: HttpStatus.CONFLICT, field: 'charter.slug' },
  TenantNotRegistered: { status: HttpStatus.NOT_FOUND, field: 'tenant' },
  RegistryPrefixTaken: { status: HttpStatus.CONFLICT, field: 'charter.registryPrefix' },
  FieldFixed: { status: HttpStatus.BAD_REQUEST, field: 'charter' },
  NotInTheFuture: { status: HttpStatus.BAD_REQUEST, field: 'effectiveFrom' },
  BeforeLatestVersion: { status: HttpStatus.BAD_REQUEST, field: 'effectiveFrom' },
  StaleCharterVersion: { status: HttpStatus.PRECONDITION_FAILED, field: 'If-Match' },
  UnknownCommand: { status: HttpStatus.BAD_REQUEST, field: 'body' },
};

const CLIENT_STATUS: { readonly [T in Open311ClientsRejection['type']]: { status: number; field: string } } = {
  NotPermittedForRole: { status: HttpStatus.FORBIDDEN, field: 'role' },
  ClientNameInUse: { status: HttpStatus.CONFLICT, field: 'client' },
  KeyNotFound: { status: HttpStatus.NOT_FOUND, field: 'keyId' },
  KeyAlreadyRevoked: { status: HttpStatus.CONFLICT, field: 'keyId' },
};

/** The answers to a municipality's record and its Open311 clients being refused. */
export function tenantErrorResponse(error: unknown): ErrorResponse | undefined {
  if (error instanceof StaffAccountExistsError) {
    return { status: HttpStatus.CONFLICT, body: errorBody(HttpStatus.CONFLICT, [{ field: error.field, reason: error.message }]) };
  }
  if (error instanceof IdentityProviderUnavailableError) {
    const status = HttpStatus.SERVICE_UNAVAILABLE;
    return { status, body: errorBody(status, [{ field: 'identityProvider', reason: error.message }]), headers: { 'Retry-After': '30' } };
  }
  if (error instanceof Open311ClientRejectedError) {
    const { rejection } = error;
    const { status, field } = CLIENT_STATUS[rejection.type];
    return { status, body: errorBody(status, [{ field, reason: rejection.message.en }], { rejection }) };
  }
  if (error instanceof CharterVersionNotFoundError) {
    return { status: HttpStatus.NOT_FOUND, body: errorBody(HttpStatus.NOT_FOUND, [{ field: 'version', reason: error.message }]) };
  }
  if (!(error instanceof TenantChangeRejectedError)) return undefined;
  const { rejection } = error;
  const { status, field: byType } = STATUS[rejection.type];
  const field = 'field' in rejection ? rejection.field : byType;
  return { status, body: errorBody(status, [{ field, reason: rejection.message.en }], { rejection }) };
}
