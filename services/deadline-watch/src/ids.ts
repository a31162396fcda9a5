import { v5 as uuidv5 } from 'uuid';

/** The namespace of deadline-watch's name-based ids (a fixed random UUID, never to change). */
const DEADLINE_WATCH_NAMESPACE = 'b7d3e1a4-52c6-4f0e-9a8b-3c1d6e2f7a90';

/**
 * A UUID version 5 (RFC 9562, name-based, SHA-1): the same name always gives the same id. deadline-watch
 * names each command after the alert it records (case, kind, due date, threshold), so every instance,
 * every retry and every restart issues the same command id for the same alert, and the case stream shows
 * whether it was already carried out.
 */
export const nameBasedId = (name: string, namespace = DEADLINE_WATCH_NAMESPACE): string => uuidv5(name, namespace);
