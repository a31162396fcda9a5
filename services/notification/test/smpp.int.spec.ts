import { randomUUID } from 'node:crypto';
import { freePort, smppServer, uniquePhone, waitForSms } from '@civic/testing';
import * as smpp from 'smpp';
import type { NotificationConfig } from '../src/config';
import { SmppSmsSender } from '../src/delivery/smpp';

/** The settings the adapter reads; the rest of notification's config does not concern it. */
const settings = (smppUrl: string, changes: Partial<NotificationConfig> = {}) =>
  ({
    SMPP_URL: smppUrl,
    SMPP_SYSTEM_ID: 'civic',
    SMPP_PASSWORD: 'civic',
    SMPP_SOURCE_ADDR: 'Civic',
    SMPP_TIMEOUT_MS: 3_000,
    ...changes,
  }) as NotificationConfig;

/**
 * An SMSC of the test's own (the library's server mode), for what the local one never does: refuse a
 * submit_sm, drop a bind. It counts binds and unbinds and answers submit_sm as `answer` says.
 */
class ScriptedSmsc {
  binds = 0;
  unbinds = 0;
  submits = 0;
  answer: (session: smpp.Session, pdu: smpp.PDU) => void = (session, pdu) => session.send(pdu.response({ message_id: randomUUID() }));
  private readonly server = smpp.createServer((session) => {
    session.on('error', () => undefined);
    session.on('bind_transmitter', (pdu: smpp.PDU) => {
      this.binds += 1;
      session.send(pdu.response());
    });
    session.on('submit_sm', (pdu: smpp.PDU) => {
      this.submits += 1;
      this.answer(session, pdu);
    });
    session.on('unbind', (pdu: smpp.PDU) => {
      this.unbinds += 1;
      session.send(pdu.response());
    });
  });
  url = '';

  async start(): Promise<this> {
    const port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.url = `smpp://127.0.0.1:${port}`;
    return this;
  }

  /** Every bound client's connection, cut. */
  dropAll(): void {
    for (const session of [...this.server.sessions]) session.destroy();
  }

  stop(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('SMS over SMPP: the adapter against the local SMPP server', () => {
  let sender: SmppSmsSender;

  beforeAll(async () => {
    sender = new SmppSmsSender(settings((await smppServer()).smppUrl));
  });

  afterAll(async () => {
    await sender?.onApplicationShutdown();
  });

  it('a long Cyrillic text arrives whole: UCS2, in concatenated parts, from the configured sender and bind', async () => {
    const phone = uniquePhone();
    const text =
      'Обръщението Ви е регистрирано под № PSH-2026-000101.\n\nУважаеми/а Мария Петрова, в срок до 2 април 2026 г. ще получите писмен отговор.';
    await sender.send({ id: randomUUID(), to: phone, text });

    const [message] = await waitForSms(phone);
    expect(message).toMatchObject({
      Text: text,
      DataCoding: 8,
      Parts: Math.ceil(text.length / 67),
      Complete: true,
      SystemId: 'civic',
      From: { Address: 'Civic', Ton: 5 },
      To: { Address: phone.slice(1), Ton: 1, Npi: 1 },
    });
    expect(message.MessageIds).toHaveLength(message.Parts);
  });

  it('a short Latin text: one part in the GSM alphabet', async () => {
    const phone = uniquePhone();
    await sender.send({ id: randomUUID(), to: phone, text: 'Case PSH-2026-000102 registered @ Peshtera' });
    const [message] = await waitForSms(phone);
    expect(message).toMatchObject({ Text: 'Case PSH-2026-000102 registered @ Peshtera', DataCoding: 0, Parts: 1 });
  });
});

describe('SMS over SMPP: refusals, dropped binds, shutdown', () => {
  let smsc: ScriptedSmsc;

  beforeEach(async () => {
    smsc = await new ScriptedSmsc().start();
  });

  afterEach(async () => {
    await smsc.stop();
  });

  it('a non-zero command_status fails the delivery, naming the status; the bind stays', async () => {
    smsc.answer = (session, pdu) => session.send(pdu.response({ command_status: smpp.errors.ESME_RTHROTTLED }));
    const sender = new SmppSmsSender(settings(smsc.url));
    await expect(sender.send({ id: randomUUID(), to: uniquePhone(), text: 'Здравейте' })).rejects.toThrow(
      'the SMSC refused submit_sm: ESME_RTHROTTLED (0x00000058)',
    );
    smsc.answer = (session, pdu) => session.send(pdu.response({ message_id: '1' }));
    await sender.send({ id: randomUUID(), to: uniquePhone(), text: 'Здравейте' });
    expect(smsc.binds).toBe(1);
    await sender.onApplicationShutdown();
  });

  it('a refused bind fails the delivery, naming the status', async () => {
    // The local server accepts any credentials unless it was started with some; this SMSC refuses them.
    const refusing = smpp.createServer((session) => {
      session.on('bind_transmitter', (pdu: smpp.PDU) => session.send(pdu.response({ command_status: smpp.errors.ESME_RINVPASWD })));
    });
    const port = await freePort();
    await new Promise<void>((resolve) => refusing.listen(port, '127.0.0.1', resolve));
    try {
      const sender = new SmppSmsSender(settings(`smpp://127.0.0.1:${port}`));
      await expect(sender.send({ id: randomUUID(), to: uniquePhone(), text: 'x' })).rejects.toThrow(
        'the SMSC refused bind_transmitter: ESME_RINVPASWD (0x0000000E)',
      );
      await sender.onApplicationShutdown();
    } finally {
      for (const session of [...refusing.sessions]) session.destroy();
      await new Promise((resolve) => refusing.close(resolve));
    }
  });

  it('after the SMSC drops the connection, the next message binds again and goes out', async () => {
    const sender = new SmppSmsSender(settings(smsc.url));
    await sender.send({ id: randomUUID(), to: uniquePhone(), text: 'first' });
    smsc.dropAll();
    // The close reaches the adapter asynchronously; either it already knows, or the send finds out and fails.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sender.send({ id: randomUUID(), to: uniquePhone(), text: 'second' });
    expect(smsc.binds).toBe(2);
    expect(smsc.submits).toBe(2);
    await sender.onApplicationShutdown();
  });

  it('an answer that never comes fails the delivery after SMPP_TIMEOUT_MS, and the next message binds again', async () => {
    smsc.answer = () => undefined;
    const sender = new SmppSmsSender(settings(smsc.url, { SMPP_TIMEOUT_MS: 300 }));
    await expect(sender.send({ id: randomUUID(), to: uniquePhone(), text: 'x' })).rejects.toThrow(
      'SMPP submit_sm: no answer within 300 ms',
    );
    smsc.answer = (session, pdu) => session.send(pdu.response({ message_id: '1' }));
    await sender.send({ id: randomUUID(), to: uniquePhone(), text: 'y' });
    expect(smsc.binds).toBe(2);
    await sender.onApplicationShutdown();
  });

  it('no SMSC listening: a clear connection error', async () => {
    const port = await freePort();
    const sender = new SmppSmsSender(settings(`smpp://127.0.0.1:${port}`));
    await expect(sender.send({ id: randomUUID(), to: uniquePhone(), text: 'x' })).rejects.toThrow(
      `SMPP: cannot connect to the SMSC at 127.0.0.1:${port}`,
    );
    await sender.onApplicationShutdown();
  });

  it('shutdown unbinds before it closes; afterwards nothing is sent', async () => {
    const sender = new SmppSmsSender(settings(smsc.url));
    await sender.send({ id: randomUUID(), to: uniquePhone(), text: 'x' });
    await sender.onApplicationShutdown();
    expect(smsc.unbinds).toBe(1);
    await expect(sender.send({ id: randomUUID(), to: uniquePhone(), text: 'x' })).rejects.toThrow('SMPP: the service is stopping');
  });
});
