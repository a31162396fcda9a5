import type { Request } from 'express';
import type { Session } from '../session/session';

/** A request after the session middleware: the live session, when the cookie names one. */
export interface ConsoleRequest extends Request {
  consoleSession?: Session;
}
