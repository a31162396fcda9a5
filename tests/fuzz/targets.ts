import type { Service } from '../cross-tenant/platform';
import { TEST_YEAR, type TenantData } from '../cross-tenant/tenant-data';

/** Values for one parameter: always this one, or drawn from a list most of the time (the rest generated). */
export type Fill = string | { values: string[]; probability: number };

/** Settings for the operations whose path is `path` (all methods, or `method` only). */
export interface OperationSettings {
  path: string;
  method?: string;
  parameters?: Record<string, Fill>;
  headers?: Record<string, string>;
}

/** One schemathesis run: which service, with what token and what fixed parameters. */
export interface Target {
  service: Service;
  token: string;
  /** By parameter name, optionally prefixed by its location (`path.file`, `body.api_key`). */
  parameters: Record<string, Fill>;
  operations: OperationSettings[];
  /** Test cases per operation and phase (schemathesis --max-examples). */
  maxExamples: number;
  /** A run still going after this long is stopped; what it recorded so far is counted. */
  budgetSeconds: number;
}

export interface Credentials {
  /** The tenant's officer with every staff role: one token reaches every tenant operation of a service. */
  staff: string;
  /** The platform operator: the only caller of analytics' /admin operations. */
  platformOperator: string;
  /** The tenant's Open311 API key. */
  open311Key: string;
}

// Values the documents type as plain strings but the handlers read as dates, instants, e-mail addresses or the
// tenant's own names: drawn from these most of the time, the requests get past those checks to the rules after.
const often = (values: string[]): Fill => ({ values, probability: 0.8 });
const DATES = often([`${TEST_YEAR}-01-15`, `${TEST_YEAR}-11-10`, `${TEST_YEAR}-12-31`]);
const INSTANTS = often([`${TEST_YEAR}-01-01T00:00:00.000Z`, `${TEST_YEAR}-11-16T09:00:00.000Z`, `${TEST_YEAR}-12-31T23:59:59.000Z`]);
/** libs/domain/tenants/sopot.json: its categories and its units (departments). */
const CATEGORIES = often(['waste-cleanliness', 'roads-lighting', 'administrative-service', 'corruption', 'general']);
const UNITS = often(['services-centre', 'environment-waste', 'public-works', 'anti-corruption']);
const CHANNELS = often(['in-person', 'post', 'phone', 'web-form']);
const EMAILS = often(['ivan.petrov@sopot.bg', 'registry@sopot.bg']);

/**
 * The five runs. Path parameters that name the tenant's things are fixed to the seeded case's real ids, so the
 * requests reach the handlers with something to find; bodies, queries and the other headers are generated.
 */
export function targets(data: TenantData, credentials: Credentials): Target[] {
  // Names shared by the services' documents; a name a document does not use is ignored by schemathesis.
  const ids: Record<string, Fill> = {
    tenant: data.tenant,
    'path.caseId': data.caseId,
    attachmentId: data.attachmentId,
    registryNumber: data.registryNumber,
    trackingCode: data.trackingCode,
    notificationId: data.notificationId,
    'path.userId': data.userId,
    'path.year': TEST_YEAR,
    // An erasure the tenant's data protection officer carried out (its receipt).
    'path.requestId': data.requestId,
  };
  return [
    {
      service: 'intake',
      token: credentials.staff,
      parameters: {
        ...ids,
        jurisdiction_id: data.tenant,
        // Open311's `.json`/`.xml`: an enum, yet the coverage phase spends a hundred requests per path on others.
        'path.format': { values: ['json', 'xml'], probability: 0.9 },
        'body.jurisdiction_id': data.tenant,
        'body.api_key': credentials.open311Key,
        'body.service_code': 'complaint.waste-cleanliness',
        'body.category': CATEGORIES,
        'body.violationDate': DATES,
        'body.newFinalDate': DATES,
        // The data protection officer's searches find the seeded citizen most of the time.
        'body.email': often([data.email]),
      },
      operations: [
        // The channels sopot receives on; an answer's channel is another list.
        { path: '/tenants/{tenant}/cases', method: 'POST', parameters: { 'body.channel': CHANNELS } },
        { path: '/open311/v2/requests/{file}', parameters: { 'path.file': `${data.open311RequestId}.json` } },
        { path: '/open311/v2/services/{file}', parameters: { 'path.file': 'complaint.waste-cleanliness.json' } },
      ],
      maxExamples: 100,
      budgetSeconds: 240,
    },
    {
      service: 'routing',
      token: credentials.staff,
      parameters: {
        ...ids,
        'body.defaultUnit': UNITS,
        'body.rules[*].then.unit': UNITS,
        'body.officers[*].unit': UNITS,
        'body.ruleSet.defaultUnit': UNITS,
        'body.ruleSet.rules[*].then.unit': UNITS,
      },
      operations: [],
      maxExamples: 100,
      budgetSeconds: 120,
    },
    { service: 'deadline-watch', token: credentials.staff, parameters: ids, operations: [], maxExamples: 100, budgetSeconds: 60 },
    {
      service: 'notification',
      token: credentials.staff,
      parameters: { ...ids, 'body.email': EMAILS },
      operations: [],
      maxExamples: 100,
      budgetSeconds: 120,
    },
    {
      service: 'analytics',
      token: credentials.staff,
      parameters: { ...ids, 'query.from': INSTANTS, 'query.to': INSTANTS, 'query.at': INSTANTS },
      operations: [
        // The key figures take calendar dates, the audit trail instants.
        { path: '/tenants/{tenant}/kpis', parameters: { 'query.from': DATES, 'query.to': DATES } },
        {
          path: '/tenants/{tenant}/reports/{file}',
          parameters: { 'path.file': { values: [`${TEST_YEAR}.pdf`, `${TEST_YEAR}.csv`], probability: 0.9 } },
        },
        // The platform's own operations: a municipal role is refused them (tests/cross-tenant proves it).
        { path: '/admin/read-models/rebuild', headers: { Authorization: `Bearer ${credentials.platformOperator}` } },
        { path: '/admin/read-models/rebuild/{id}', headers: { Authorization: `Bearer ${credentials.platformOperator}` } },
      ],
      maxExamples: 100,
      budgetSeconds: 120,
    },
  ];
}
