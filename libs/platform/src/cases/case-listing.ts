import { listsEveryConfidentialCase, type Viewer } from '@civic/domain';

/**
 * The domain's `listedFor` as a MongoDB filter on read-model documents that keep `confidential` and `officerId`,
 * so a long run of confidential cases never crowds ordinary ones out of a page. `{ confidential: null }` also
 * matches documents written before the field existed. Empty when the viewer sees every case.
 */
export function listedForFilter(viewer: Viewer): Record<string, unknown> {
  if (listsEveryConfidentialCase(viewer)) return {};
  return { $or: [{ confidential: null }, { officerId: viewer.id }] };
}
