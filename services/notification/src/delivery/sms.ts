import { Injectable, Logger } from '@nestjs/common';

/** A text message to a phone; `id` is the notification id, for a provider's own de-duplication. */
export interface OutgoingSms {
  id: string;
  to: string;
  text: string;
}

/** The port every SMS provider is plugged in behind: SMPP 3.4 (smpp.ts), or the log when chosen explicitly. */
export interface SmsSender {
  send(message: OutgoingSms): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/** Keeps the country code and the last two digits, so the log shows which message went where without the number. */
export const maskPhone = (phone: string): string => {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length <= 4 ? '***' : `${digits.slice(0, 4)}${'*'.repeat(Math.max(0, digits.length - 6))}${digits.slice(-2)}`;
};

/** Only when chosen explicitly (`SMS_PROVIDER=log`): the message goes to the log, the number masked, the text at debug level; nothing is sent. */
@Injectable()
export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('Sms');

  async send(message: OutgoingSms): Promise<void> {
    this.logger.log({ notificationId: message.id, to: maskPhone(message.to), characters: message.text.length }, 'SMS (logged, not sent)');
    // The text may name the person: only at debug level, for a developer's own machine.
    this.logger.debug({ notificationId: message.id, text: message.text }, 'SMS text');
  }
}
