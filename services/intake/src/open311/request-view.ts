import type { CaseStatus, Instant, IsoDate, RegisteredCase, TenantCharter } from '@civic/domain';
import type { Open311ServiceRequest } from './documents';
import { endOfLocalDay, w3DateTime } from './datetime';
import type { Open311Location } from './form';
import { serviceCode, serviceNameOf } from './services';
import { open311Status, statusNotes, unitName, unitOf } from './status';

/** Where a request submitted through Open311 is, and its photo: what the case itself has no field for. */
export interface StoredLocation extends Open311Location {
  media_url?: string;
}

export interface RequestFacts {
  state: RegisteredCase;
  /** When the case last changed: its newest event. */
  updatedAt: Instant;
  /** The legal due date while a term runs (the domain's dueDateOfCase). */
  dueDate: IsoDate | null;
  /** Only for requests that came through Open311. */
  location?: StoredLocation;
}

/** Screening may still end the case without proceedings (АПК чл. 111, ал. 4): no answer on the merits is promised yet. */
const awaitsScreening = (status: CaseStatus): boolean => status === 'Registered' || status === 'Flagged';
/** Whether the legal term is what the citizen should expect. */
const promisesAnswer = (status: CaseStatus): boolean => !awaitsScreening(status) && status !== 'NoProceedings';

/**
 * What the citizen is told to expect: the legal term while one runs; while a registrar screens the case, that
 * it awaits the decision (a case with no proceedings gets no answer on the merits, АПК чл. 111, ал. 4); after
 * "no proceedings", that no term runs.
 */
export function serviceNotice(status: CaseStatus, dueDate: IsoDate | null | undefined): string | null {
  if (awaitsScreening(status)) {
    return 'Деловодител ще провери допустимостта. Срокът за отговор ще бъде посочен, ако подаването бъде прието за разглеждане.';
  }
  if (status === 'NoProceedings') return 'Не се образува производство, затова срок за отговор не тече.';
  return dueDate ? `Законов срок за отговор: до ${dueDate} включително.` : null;
}

/**
 * A case as a GeoReport service request. Never the submitter's data: no name, contact, text (`description`
 * stays null) or device; the address and coordinates are those the Open311 client gave for the problem.
 */
export function serviceRequestOf(facts: RequestFacts, charter: TenantCharter): Open311ServiceRequest {
  const { state, location = {}, dueDate } = facts;
  const { kind, category, registryNumber, receivedAt } = state.facts;
  const unit = unitOf(state);
  return {
    service_request_id: registryNumber,
    status: open311Status(state),
    status_notes: statusNotes(state, charter),
    service_name: serviceNameOf(charter, kind, category),
    service_code: serviceCode(kind, category),
    description: null,
    agency_responsible: unit === undefined ? null : unitName(charter, unit),
    service_notice: serviceNotice(state.status, dueDate),
    requested_datetime: w3DateTime(receivedAt),
    updated_datetime: w3DateTime(facts.updatedAt),
    expected_datetime: dueDate && promisesAnswer(state.status) ? endOfLocalDay(dueDate, charter.timeZone) : null,
    address: location.address_string ?? null,
    address_id: location.address_id ?? null,
    zipcode: null,
    lat: location.lat ?? null,
    long: location.long ?? null,
    media_url: location.media_url ?? null,
  };
}
