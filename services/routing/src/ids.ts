import { v5 as uuidv5 } from 'uuid';

/** The namespace of routing's name-based ids (a fixed random UUID, never to change). */
const ROUTING_NAMESPACE = '4f1c2b7e-9a53-4d1e-8c0f-2e6b7d9a1c35';

/**
 * A UUID version 5 (RFC 9562, name-based, SHA-1): the same name always gives the same id. Routing names
 * its commands after the event that caused them, so a redelivered event issues the same command ids and
 * the case stream shows the command was already carried out.
 */
export const nameBasedId = (name: string, namespace = ROUTING_NAMESPACE): string => uuidv5(name, namespace);

/** The id of the command routing issues because of an event: `RouteCase` and `AssignCase` each have their own. */
export const commandIdFor = (eventId: string, command: 'RouteCase' | 'AssignCase') => nameBasedId(`${eventId}/${command}`);
