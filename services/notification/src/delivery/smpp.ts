import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@civic/platform';
import * as smpp from 'smpp';
import type { NotificationConfig } from '../config';
import type { OutgoingSms, SmsSender } from './sms';
import { concatenationReference, destinationAddress, encodeSms, sourceAddress } from './sms-encoding';

/** UDHI: the short_message starts with a user data header (SMPP 3.4 §5.2.12). */
const ESM_CLASS_UDHI = 0x40;
/** SMPP 3.4, in bind's interface_version. */
const INTERFACE_VERSION = 0x34;
/** SMSCs drop a bind that stays silent; an enquire_link this often keeps it (and finds a dead one sooner). */
const ENQUIRE_LINK_MS = 30_000;

const statusNames = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));

/** The SMSC answered with a non-zero command_status. */
export class SmppStatusError extends Error {
  constructor(
    readonly command: string,
    readonly status: number,
  ) {
    super(
      `the SMSC refused ${command}: ${statusNames.get(status) ?? 'unknown status'} (0x${status.toString(16).toUpperCase().padStart(8, '0')})`,
    );
    this.name = 'SmppStatusError';
  }
}

/** Sends one PDU and waits for its answer; rejects on a non-zero status, a closed connection or no answer in time. */
function request(session: smpp.Session, command: string, options: Record<string, unknown>, timeoutMs: number): Promise<smpp.PDU> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      session.off('close', closed);
      outcome();
    };
    const closed = () => settle(() => reject(new Error(`SMPP ${command}: the connection closed before the SMSC answered`)));
    const timer = setTimeout(() => settle(() => reject(new Error(`SMPP ${command}: no answer within ${timeoutMs} ms`))), timeoutMs);
    session.once('close', closed);
    const written = session.send(new smpp.PDU(command, options), (answer) =>
      settle(() => (answer.command_status === 0 ? resolve(answer) : reject(new SmppStatusError(command, answer.command_status)))),
    );
    if (!written) settle(() => reject(new Error(`SMPP ${command}: the connection is not open`)));
  });
}

/**
 * SMS over SMPP 3.4 (the `smpp` package), bound as a transmitter with SMPP_SYSTEM_ID and SMPP_PASSWORD.
 * The bind is made on the first message and kept; when it drops (the SMSC unbinds, the connection closes, an
 * answer does not come), the next message binds again. Each part is a submit_sm; the message counts as sent
 * once the SMSC answered every part with status 0. Unbinds on shutdown.
 */
@Injectable()
export class SmppSmsSender implements SmsSender, OnApplicationShutdown {
  private readonly logger = new Logger('Smpp');
  private readonly where: string;
  private bound: Promise<smpp.Session> | undefined;
  private closing = false;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: NotificationConfig) {
    const url = new URL(config.SMPP_URL);
    this.where = `${url.hostname}:${url.port || 2775}`;
  }

  async send(message: OutgoingSms): Promise<void> {
    const destination = destinationAddress(message.to);
    const source = sourceAddress(this.config.SMPP_SOURCE_ADDR);
    const encoded = encodeSms(message.text, concatenationReference(message.id));
    const session = await this.session();
    try {
      for (const part of encoded.parts) {
        await request(
          session,
          'submit_sm',
          {
            source_addr_ton: source.ton,
            source_addr_npi: source.npi,
            source_addr: source.addr,
            dest_addr_ton: destination.ton,
            dest_addr_npi: destination.npi,
            destination_addr: destination.addr,
            esm_class: encoded.concatenated ? ESM_CLASS_UDHI : 0,
            data_coding: encoded.dataCoding,
            short_message: part,
          },
          this.config.SMPP_TIMEOUT_MS,
        );
      }
    } catch (error) {
      // A refusal leaves the bind as it was; anything else (no answer, a closed connection) may have left it
      // broken: the next message binds again.
      if (!(error instanceof SmppStatusError)) this.drop(session);
      throw error;
    }
  }

  /** Unbinds (SMPP 3.4 §4.2) and closes; a bind that is not there, or does not answer, is just closed. */
  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    const session = await this.bound?.catch(() => undefined);
    if (!session) return;
    try {
      await request(session, 'unbind', {}, Math.min(this.config.SMPP_TIMEOUT_MS, 5_000));
    } catch (error) {
      this.logger.warn({ smsc: this.where, err: String((error as Error).message) }, 'unbind not answered');
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => session.destroy(() => resolve()), 2_000);
      session.close(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private session(): Promise<smpp.Session> {
    if (this.closing) return Promise.reject(new Error('SMPP: the service is stopping'));
    this.bound ??= this.bind().catch((error: unknown) => {
      this.bound = undefined;
      throw error;
    });
    return this.bound;
  }

  private drop(session: smpp.Session): void {
    session.destroy();
    this.forget(session);
  }

  private forget(session: smpp.Session): void {
    void this.bound?.then(
      (current) => {
        if (current === session) this.bound = undefined;
      },
      () => undefined,
    );
  }

  private async bind(): Promise<smpp.Session> {
    const session = await this.connect();
    session.on('close', () => {
      this.forget(session);
      if (!this.closing) this.logger.warn({ smsc: this.where }, 'SMPP connection closed: the next message binds again');
    });
    // The SMSC may check the link or end the bind itself; both need an answer (SMPP 3.4 §4.11, §4.2).
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      this.forget(session);
      session.close();
    });
    try {
      await request(
        session,
        'bind_transmitter',
        {
          system_id: this.config.SMPP_SYSTEM_ID,
          password: this.config.SMPP_PASSWORD,
          system_type: '',
          interface_version: INTERFACE_VERSION,
        },
        this.config.SMPP_TIMEOUT_MS,
      );
    } catch (error) {
      session.destroy();
      throw error;
    }
    this.logger.log({ smsc: this.where, systemId: this.config.SMPP_SYSTEM_ID }, 'bound to the SMSC as a transmitter');
    return session;
  }

  private connect(): Promise<smpp.Session> {
    return new Promise((resolve, reject) => {
      const session = smpp.connect({ url: this.config.SMPP_URL, auto_enquire_link_period: ENQUIRE_LINK_MS }, () => {
        clearTimeout(timer);
        session.off('error', failed);
        // From now on an error is followed by 'close', which forgets the session.
        session.on('error', (error: Error) => this.logger.warn({ smsc: this.where, err: error.message }, 'SMPP connection error'));
        resolve(session);
      });
      const failed = (error: Error) => {
        clearTimeout(timer);
        session.destroy();
        reject(new Error(`SMPP: cannot connect to the SMSC at ${this.where}: ${error.message}`));
      };
      const timer = setTimeout(
        () => failed(new Error(`no connection within ${this.config.SMPP_TIMEOUT_MS} ms`)),
        this.config.SMPP_TIMEOUT_MS,
      );
      session.once('error', failed);
    });
  }
}
