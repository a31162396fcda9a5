/**
 * The answers of GeoReport v2, field for field as the spec names them (wiki.open311.org/GeoReport_v2),
 * and the XML element each list is wrapped in. JSON follows the spec's Spark mapping of the XML: lists
 * are top-level arrays, errors included.
 */

export interface Open311Error {
  /** Usually the HTTP status. */
  code: number;
  description: string;
}

export interface Open311Endpoint {
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  formats: string[];
}

export interface Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Open311Endpoint[];
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** True when the service has attributes: the client reads `services/{code}` first. */
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  /** Comma-separated. */
  keywords: string;
  group: string;
}

export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Open311Datatype = (typeof ATTRIBUTE_DATATYPES)[number];

export interface Open311AttributeValue {
  key: string;
  name: string;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  /** Only for the list datatypes. */
  values?: Open311AttributeValue[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** What POST requests answers (and tokens/{token} would): the registry number, at once. */
export interface Open311CreatedRequest {
  service_request_id: string;
  service_notice: string | null;
  account_id: string | null;
}

export interface Open311ServiceRequest {
  /** The registry number, e.g. PSH-2026-000012. */
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  /** Never given: the text is the submitter's own words (personal data, encrypted in the case stream). */
  description: null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** Every answer, tagged with what it is: that picks the XML element names. */
export type Open311Document =
  | { kind: 'discovery'; body: Open311Discovery }
  | { kind: 'services'; body: Open311Service[] }
  | { kind: 'service-definition'; body: Open311ServiceDefinition }
  | { kind: 'created-requests'; body: Open311CreatedRequest[] }
  | { kind: 'service-requests'; body: Open311ServiceRequest[] }
  | { kind: 'errors'; body: Open311Error[] };
