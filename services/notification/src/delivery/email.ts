import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_CONFIG } from '@civic/platform';
import { createTransport, type Transporter } from 'nodemailer';
import type { NotificationConfig } from '../config';

export interface OutgoingEmail {
  /** Without angle brackets: `<notificationId>@<MAIL_DOMAIN>`, the same on every attempt. */
  messageId: string;
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
  headers: Record<string, string>;
}

/**
 * E-mail over SMTP with nodemailer, one pooled connection per instance (the sender sends one message at a
 * time). Resolves once the server accepted the message (its 250 after DATA); rejects with the server's
 * answer otherwise.
 */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(SERVICE_CONFIG) config: NotificationConfig) {
    this.transport = createTransport({
      url: config.SMTP_URL,
      pool: true,
      maxConnections: 1,
      connectionTimeout: config.SMTP_TIMEOUT_MS,
      greetingTimeout: config.SMTP_TIMEOUT_MS,
      socketTimeout: config.SMTP_TIMEOUT_MS,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      messageId: `<${email.messageId}>`,
      from: { name: email.from.name, address: email.from.address },
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      attachments: email.attachments,
      headers: email.headers,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
