// The parts of the `smpp` package (0.5.x, plain JavaScript, no published types) that notification uses.
declare module 'smpp' {
  import { EventEmitter } from 'node:events';
  import { Server as NetServer, Socket } from 'node:net';

  export class PDU {
    constructor(command: string, options?: Record<string, unknown>);
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
  }

  export class Session extends EventEmitter {
    socket: Socket;
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void, sendCallback?: (pdu: PDU) => void): boolean;
    bind_transmitter(options: Record<string, unknown>, responseCallback: (pdu: PDU) => void): boolean;
    submit_sm(options: Record<string, unknown>, responseCallback: (pdu: PDU) => void): boolean;
    unbind(responseCallback: (pdu: PDU) => void): boolean;
    enquire_link(responseCallback?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: { url: string; auto_enquire_link_period?: number }, listener?: () => void): Session;
  export function createServer(listener: (session: Session) => void): Server;

  /** Command status names (ESME_ROK, ESME_RINVPASWD, …) and their codes. */
  export const errors: Record<string, number>;
}
