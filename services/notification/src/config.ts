import { homedir } from 'node:os';
import { join } from 'node:path';
import { bodyLimitBytes, booleanFlag, developmentDefault, platformConfigSchema } from '@civic/platform';
import { z } from 'zod';

const positive = (defaultValue: number) => z.coerce.number().int().positive('must be a positive whole number').default(defaultValue);

const smtpUrl = z
  .string()
  .default('smtp://127.0.0.1:1025')
  .refine(
    (value) => {
      try {
        return ['smtp:', 'smtps:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: 'must be a URL with scheme smtp or smtps, e.g. smtp://127.0.0.1:1025 or smtps://user:password@mail.example.bg:465' },
  );

const smppUrl = z
  .string()
  .default('smpp://127.0.0.1:2775')
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return ['smpp:', 'ssmpp:'].includes(url.protocol) && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'must be a URL with scheme smpp or ssmpp (TLS), e.g. smpp://127.0.0.1:2775 or ssmpp://smsc.example.bg:3550' },
  );

const httpUrl = (defaultValue: string) =>
  z
    .string()
    .default(defaultValue)
    .refine(
      (value) => {
        try {
          return ['http:', 'https:'].includes(new URL(value.replace('{tenant}', 'tenant')).protocol);
        } catch {
          return false;
        }
      },
      { message: 'must be an http(s) URL' },
    );

const domain = (defaultValue: string) =>
  z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'must be a domain name, e.g. civic.local')
    .default(defaultValue);

/** The SMSC settings count only when text messages go through it (not with SMS_PROVIDER=log). */
const sendsSms = (config: Record<string, unknown>) => config.SMS_PROVIDER === 'smpp';

/**
 * notification's settings, validated at start-up; every one has a default that works with `npm start`. Those
 * marked `developmentDefault` (the local mail server and SMSC, the local portal's links) must be set in production.
 */
export const configSchema = platformConfigSchema.extend({
  /** A written answer (up to 50 000 characters) is previewed as a JSON body: 100-150 kB in UTF-8. */
  HTTP_BODY_LIMIT_BYTES: bodyLimitBytes(256 * 1024),
  /** The SMTP server e-mail goes through (credentials in the URL); the local mail server by default. */
  SMTP_URL: developmentDefault(smtpUrl),
  /** How long one SMTP conversation may take before the attempt counts as failed. */
  SMTP_TIMEOUT_MS: positive(15_000),
  /** Letters go out from `no-reply@<tenant>.<MAIL_DOMAIN>`; Message-IDs end in `@<MAIL_DOMAIN>`; development staff addresses are `<user>@<tenant>.<MAIL_DOMAIN>`. */
  MAIL_DOMAIN: developmentDefault(domain('civic.local')),
  /** Development only: give the development issuer's seeded staff addresses in the staff directory (`npm start` sets it). */
  NOTIFICATION_SEED_DEVELOPMENT_CONTACTS: booleanFlag(false),
  /**
   * Where a citizen follows their case, the portal's tracking page by default; `{tenant}` is replaced by the
   * tenant's slug and `{code}` by their tracking code (without `{code}`, the code is added as the last path
   * segment: see messages/tracking-link.ts). Only the acknowledgement carries the code.
   */
  TRACKING_URL: developmentDefault(httpUrl('http://127.0.0.1:3006/{tenant}/cases/{code}')),
  /**
   * Where a citizen types their tracking code (the portal's `/:tenant/track`): the link in every message that
   * does not carry the code, and in an acknowledgement without one; `{tenant}` as above.
   */
  TRACKING_PAGE_URL: developmentDefault(httpUrl('http://127.0.0.1:3006/{tenant}/track')),
  /**
   * How text messages leave: `smpp` through an SMSC over SMPP 3.4 (the local SMPP server by default);
   * `log` only writes them to the log (nothing is sent), and only when set so explicitly.
   */
  SMS_PROVIDER: z.enum(['smpp', 'log']).default('smpp'),
  /** The SMSC notification binds to as a transmitter; `ssmpp://` for TLS. The local SMPP server by default. */
  SMPP_URL: developmentDefault(smppUrl, sendsSms),
  /** The bind's credentials, as the operator issued them (SMPP 3.4: at most 15 and 8 characters). */
  SMPP_SYSTEM_ID: developmentDefault(
    z.string().min(1).max(15, 'must be at most 15 characters (SMPP 3.4 system_id)').default('civic'),
    sendsSms,
  ),
  SMPP_PASSWORD: developmentDefault(z.string().max(8, 'must be at most 8 characters (SMPP 3.4 password)').default('civic'), sendsSms),
  /** Who the message is from on the handset: a name of at most 11 letters and digits, or a number. */
  SMPP_SOURCE_ADDR: z
    .string()
    .regex(/^([A-Za-z0-9 .-]{1,11}|\+?\d{3,15})$/, 'must be a name of at most 11 letters, digits, spaces, dots or dashes, or a number')
    .default('Civic'),
  /** How long connecting, binding or one submit_sm may take before the attempt counts as failed. */
  SMPP_TIMEOUT_MS: positive(15_000),
  /** Attempts in all for one message, the first included; after the last one it is recorded as failed. */
  NOTIFICATION_MAX_ATTEMPTS: positive(8),
  /** The wait after the first failed attempt; doubled after each further one, up to the maximum (defaults: about 10 minutes in all). */
  NOTIFICATION_RETRY_INITIAL_MS: positive(5_000),
  NOTIFICATION_RETRY_MAX_MS: positive(10 * 60_000),
  /**
   * At most this many acknowledgements a day to one address (e-mail or phone), across every municipality: a
   * stranger typing a victim's address into many forms must not mail them each time (issue 21 item 5).
   */
  NOTIFICATION_ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY: positive(5),
  /** At most this many other messages a day to one submitter's address; the rest are held (failed, with the reason). */
  NOTIFICATION_MESSAGES_PER_ADDRESS_PER_DAY: positive(20),
  /**
   * The citizens' page where a submitter confirms their address (`{tenant}`, `{token}`), e.g.
   * `https://portal.example.bg/{tenant}/confirm/{token}`. Set: the acknowledgement to an unconfirmed e-mail address
   * carries the link, and every other e-mail to that address waits (held) until it is confirmed. Unset: no link,
   * nothing held (issue 21 item 5 (d), until the portal's page is there).
   */
  CONTACT_CONFIRMATION_URL: z
    .string()
    .optional()
    .refine(
      (value) => {
        if (value === undefined) return true;
        try {
          return (
            ['http:', 'https:'].includes(new URL(value.replace('{tenant}', 't').replace('{token}', 'x')).protocol) &&
            value.includes('{token}')
          );
        } catch {
          return false;
        }
      },
      { message: 'must be an http(s) URL with {token} (and usually {tenant}) in it' },
    ),
  /** How long a confirmation link works. */
  CONTACT_CONFIRMATION_DAYS: positive(7),
  /** How long an instance holds a message it is sending; another instance takes it over after that. */
  NOTIFICATION_LEASE_MS: positive(60_000),
  /** How often the sender looks for due messages when it has nothing to do. */
  NOTIFICATION_POLL_MS: positive(1_000),
  /**
   * A local file per instance noting each message the SMTP server accepted, before the outbox does (see NOTIFICATION.md),
   * in a directory of the service's user alone (0700; refused otherwise): by default under its home, not a shared path.
   */
  NOTIFICATION_JOURNAL_DIR: z
    .string()
    .min(1)
    .default(join(homedir(), '.civic', 'notification-journal')),
});
export type NotificationConfig = z.infer<typeof configSchema>;
