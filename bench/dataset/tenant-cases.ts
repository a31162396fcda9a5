/**
 * A tenant's cases in the order they are registered, each simulated whole, with the registry number intake
 * would draw for it: per tenant and year of receipt (in the tenant's time zone), 1, 2, 3, … in the order of
 * registration, as the `RegistryNumberIssued` event `nextRegistryNumber` appends to `registry-<tenant>.<year>`.
 */
import { formatRegistryNumber, REGISTRY_NUMBER_ISSUED, registryStreamName, type EventToAppend } from '@civic/event-store';
import { registryYear } from '../../services/intake/src/cases/registry-numbers';
import { Random } from './random';
import { arrivals, type Arrival } from './schedule';
import { simulateCase, type CaseOutcome } from './simulate';
import { drawSubmission } from './submission';
import type { DatasetTenant } from './tenants';
import { DAY } from './time';
import { Workload } from './workload';

export interface GeneratedCase {
  tenant: string;
  registeredAt: number;
  outcome: CaseOutcome;
  registry: { streamName: string; number: number; event: EventToAppend };
}

/** How many earlier case ids the registrar may link a duplicate to. */
const RECENT = 500;

export class TenantCases {
  private readonly arrivals: Arrival[];
  private readonly workload = new Workload();
  private readonly numbers = new Map<number, number>();
  private readonly recent: string[] = [];
  private readonly rng: Random;
  private index = 0;

  constructor(
    readonly tenant: DatasetTenant,
    readonly count: number,
    seed: number,
    private readonly now: number,
    years: number,
  ) {
    this.rng = new Random(`dataset:${seed}:${tenant.charter.slug}`);
    this.arrivals = arrivals(this.rng.fork('arrivals'), tenant, count, now - years * 365.25 * DAY, now);
  }

  /** When the next case is registered; undefined when all are generated. */
  get nextAt(): number | undefined {
    return this.arrivals[this.index]?.registeredAt;
  }

  get remaining(): number {
    return this.arrivals.length - this.index;
  }

  next(): GeneratedCase | undefined {
    const arrival = this.arrivals[this.index];
    if (!arrival) return undefined;
    this.index += 1;
    const rng = this.rng.fork(`case-${this.index}`);
    const { charter } = this.tenant;
    const caseId = rng.uuid();
    const year = registryYear(new Date(arrival.receivedAt).toISOString(), charter);
    const number = (this.numbers.get(year) ?? 0) + 1;
    this.numbers.set(year, number);
    const formatted = formatRegistryNumber(charter.registryPrefix, year, number);
    this.workload.advance(arrival.registeredAt);
    const drawn = drawSubmission(rng, this.tenant, arrival);
    const outcome = simulateCase({
      tenant: this.tenant,
      rng,
      arrival,
      drawn,
      caseId,
      registryNumber: formatted,
      now: this.now,
      workload: this.workload,
      earlierCaseIds: this.recent,
    });
    this.recent.push(caseId);
    if (this.recent.length > RECENT) this.recent.shift();
    const registryEvent: EventToAppend = {
      id: rng.uuid(),
      type: REGISTRY_NUMBER_ISSUED,
      data: { tenant: charter.slug, year, number, formatted },
      metadata: {
        tenant: charter.slug,
        caseId,
        correlationId: outcome.correlationId,
        actor: { id: outcome.registrarActor.id, role: outcome.registrarActor.role },
      },
    };
    return {
      tenant: charter.slug,
      registeredAt: arrival.registeredAt,
      outcome,
      registry: { streamName: registryStreamName(charter.slug, year), number, event: registryEvent },
    };
  }
}
