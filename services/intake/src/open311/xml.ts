import { XMLBuilder } from 'fast-xml-parser';
import type { Open311Attribute, Open311Discovery, Open311Document, Open311ServiceDefinition } from './documents';

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

// Empty and null values become `<tag/>`, as in the spec's examples; the builder escapes text.
const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true });

type XmlValue = string | number | boolean | null | XmlValue[] | { [name: string]: XmlValue };

/** JSON null is an empty element; booleans and numbers are their text. */
function scalar(value: unknown): XmlValue {
  if (value === null || value === undefined) return '';
  return value as XmlValue;
}

function record(object: object): { [name: string]: XmlValue } {
  return Object.fromEntries(Object.entries(object).map(([name, value]) => [name, scalar(value)]));
}

const attribute = ({ values, ...rest }: Open311Attribute): { [name: string]: XmlValue } => ({
  ...record(rest),
  ...(values === undefined ? {} : { values: { value: values.map(record) } }),
});

const definition = (body: Open311ServiceDefinition) => ({
  service_definition: { service_code: body.service_code, attributes: { attribute: body.attributes.map(attribute) } },
});

const discovery = ({ endpoints, ...rest }: Open311Discovery) => ({
  discovery: {
    ...record(rest),
    endpoints: { endpoint: endpoints.map(({ formats, ...endpoint }) => ({ ...record(endpoint), formats: { format: formats } })) },
  },
});

/** The spec's element names: `<services><service>`, `<service_requests><request>`, `<errors><error>`, … */
function tree(document: Open311Document): { [name: string]: XmlValue } {
  switch (document.kind) {
    case 'discovery':
      return discovery(document.body);
    case 'services':
      return { services: { service: document.body.map(record) } };
    case 'service-definition':
      return definition(document.body);
    case 'created-requests':
    case 'service-requests':
      return { service_requests: { request: document.body.map(record) } };
    case 'errors':
      return { errors: { error: document.body.map(record) } };
    default: {
      const unhandled: never = document;
      throw new Error(`Unhandled Open311 document: ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The document as GeoReport v2 XML, with the XML declaration the spec requires. */
export function toXml(document: Open311Document): string {
  return DECLARATION + String(builder.build(tree(document)));
}
