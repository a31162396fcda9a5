import type { Open311Document } from './documents';
import { CONTENT_TYPES, type Open311Format } from './format';
import { toXml } from './xml';

export interface Rendered {
  contentType: string;
  body: string;
}

/** The document in the asked format: JSON is the body itself (lists as top-level arrays), XML per xml.ts. */
export function render(document: Open311Document, format: Open311Format): Rendered {
  return {
    contentType: CONTENT_TYPES[format],
    body: format === 'xml' ? toXml(document) : JSON.stringify(document.body),
  };
}
