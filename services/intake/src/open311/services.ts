import type { Category, Kind, TenantCharter } from '@civic/domain';
import { attributesFor } from './attributes';
import type { Open311Attribute, Open311Service, Open311ServiceDefinition } from './documents';
import { isOnOpen311, KIND_TEXTS } from './kinds';

/**
 * A tenant's Open311 services: one per kind a category of its charter takes, coded `<kind>.<category>`
 * (`complaint.waste-cleanliness`), so the code alone says what the case will be.
 */
export interface ServiceEntry {
  kind: Kind;
  category: Category;
  service: Open311Service;
  attributes: Open311Attribute[];
}

export const serviceCode = (kind: Kind, category: string | null): string => (category === null ? kind : `${kind}.${category}`);

/** Keywords are comma-separated: a comma inside a name would split it. */
const keyword = (text: string) => text.replace(/,/g, ' ').trim();

function entry(kind: Kind, category: Category, charter: TenantCharter): ServiceEntry {
  const texts = KIND_TEXTS[kind];
  const attributes = attributesFor(kind, charter);
  return {
    kind,
    category,
    attributes,
    service: {
      service_code: serviceCode(kind, category.id),
      service_name: `${texts.name.bg}: ${category.name.bg}`,
      description: `${texts.name.en}: ${category.name.en} (${texts.purpose.en}).`,
      metadata: attributes.length > 0,
      type: 'realtime',
      keywords: [texts.name.bg.toLowerCase(), kind, category.id, category.name.bg, category.name.en].map(keyword).join(', '),
      group: category.name.bg,
    },
  };
}

/** Every service of the tenant, in the charter's order of categories. */
export function serviceEntries(charter: TenantCharter): ServiceEntry[] {
  return charter.categories.flatMap((category) => category.kinds.filter(isOnOpen311).map((kind) => entry(kind, category, charter)));
}

export const servicesOf = (charter: TenantCharter): Open311Service[] => serviceEntries(charter).map((e) => e.service);

export function findService(charter: TenantCharter, code: string): ServiceEntry | undefined {
  return serviceEntries(charter).find((e) => e.service.service_code === code);
}

export function serviceDefinition(found: ServiceEntry): Open311ServiceDefinition {
  return { service_code: found.service.service_code, attributes: found.attributes };
}

/** The name of the service a case belongs to, whatever channel it came by (a category may be missing on old cases). */
export function serviceNameOf(charter: TenantCharter, kind: Kind, categoryId: string | null): string {
  const category = charter.categories.find((c) => c.id === categoryId);
  const kindName = KIND_TEXTS[kind].name.bg;
  return category ? `${kindName}: ${category.name.bg}` : kindName;
}
