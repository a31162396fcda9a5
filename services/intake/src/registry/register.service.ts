import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_NUMBER_ISSUED, readStreamIfExists, registryStreamName, type EventStore } from '@civic/event-store';
import { caseExistsInTenant, EVENT_STORE, TenantDirectory } from '@civic/platform';
import { InvalidInputError } from '../cases/errors';
import { charterOf } from '../cases/tenants';
import { unregisteredNumber, type UnregisteredNumber } from './unregistered-numbers';

export interface UnregisteredAnswer {
  tenant: string;
  year: number;
  /** Numbers the registry issued that year. */
  issued: number;
  /** Those of them that no case carries, in the order they were issued. */
  unregistered: UnregisteredNumber[];
}

/** Years a register can have: the platform's calendar runs 2017–2100. */
const YEAR = /^(20[1-9]\d|2100)$/;

/** The tenant's register of incoming submissions, as far as the registry numbers tell it. */
@Injectable()
export class RegisterService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tenants: TenantDirectory,
  ) {}

  /** The numbers of the year that no case carries, with what is known of the attempt that drew each. */
  async unregistered(tenant: string, yearText: string): Promise<UnregisteredAnswer> {
    const charter = charterOf(this.tenants, tenant);
    if (!YEAR.test(yearText)) throw new InvalidInputError([{ field: 'year', reason: 'must be a year from 2017 to 2100, e.g. 2026' }]);
    const year = Number(yearText);
    const issued = ((await readStreamIfExists(this.store, registryStreamName(charter.slug, year))) ?? []).filter(
      (event) => event.type === REGISTRY_NUMBER_ISSUED,
    );
    const unregistered: UnregisteredNumber[] = [];
    for (const event of issued) {
      const caseId = event.metadata.caseId;
      if (typeof caseId === 'string' && (await caseExistsInTenant(this.store, charter.slug, caseId))) continue;
      unregistered.push(unregisteredNumber(event));
    }
    return { tenant: charter.slug, year, issued: issued.length, unregistered };
  }
}
