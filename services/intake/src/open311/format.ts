/** The two formats GeoReport v2 answers in: the resource's suffix picks one (`services.xml`, `requests/X.json`). */
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** The spec's content types; UTF-8 everywhere. */
export const CONTENT_TYPES: { readonly [F in Open311Format]: string } = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export const isOpen311Format = (value: string): value is Open311Format => (OPEN311_FORMATS as readonly string[]).includes(value);

/**
 * A path segment with its format suffix: `complaint.waste-cleanliness.json` is the service code
 * `complaint.waste-cleanliness` in JSON. Split at the last dot, since codes hold dots themselves.
 * Undefined when the suffix is neither json nor xml, or nothing stands before it.
 */
export function splitFormat(segment: string): { name: string; format: Open311Format } | undefined {
  const dot = segment.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const format = segment.slice(dot + 1).toLowerCase();
  return isOpen311Format(format) ? { name: segment.slice(0, dot), format } : undefined;
}

/** The format an error answer takes: XML when the path asked for XML, JSON otherwise (query strings ignored). */
export function formatOfPath(path: string): Open311Format {
  const [withoutQuery] = path.split('?');
  return withoutQuery.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}
