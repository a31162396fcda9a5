import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SEED_TENANTS, SEEDED_USERS } from '@civic/auth';
import { CLOCK, SERVICE_CONFIG, type Clock } from '@civic/platform';
import type { NotificationConfig } from '../config';
import { ALERTED_ROLES } from './staff-contact.dto';
import { StaffDirectory } from './staff-directory.store';

/** A development address of a seeded user: `<user>@<tenant>.<MAIL_DOMAIN>`, caught by the local mail server. */
export const developmentAddress = (userId: string, tenant: string, domain: string) =>
  `${
    userId
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '.')
      .replace(/^\.+|\.+$/g, '') || 'staff'
  }@${tenant}.${domain}`;

/**
 * Development only (NOTIFICATION_SEED_DEVELOPMENT_CONTACTS, which `npm start` sets): the development issuer's
 * seeded staff of each seed tenant get an address in the directory, unless an admin set theirs, so a fresh
 * platform shows staff alerts in the local mail box. Production never sets the flag: real addresses come
 * from the tenant admins.
 */
@Injectable()
export class DevelopmentContacts implements OnApplicationBootstrap {
  private readonly logger = new Logger(DevelopmentContacts.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: StaffDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.NOTIFICATION_SEED_DEVELOPMENT_CONTACTS) return;
    for (const tenant of SEED_TENANTS) {
      for (const user of Object.values(SEEDED_USERS[tenant])) {
        const roles = user.roles.filter((role): role is (typeof ALERTED_ROLES)[number] =>
          (ALERTED_ROLES as readonly string[]).includes(role),
        );
        if (roles.length === 0 || (await this.directory.get(tenant, user.sub))) continue;
        await this.directory.put(tenant, {
          userId: user.sub,
          email: developmentAddress(user.sub, tenant, this.config.MAIL_DOMAIN),
          roles,
          changedBy: `${tenant}:development-seed`,
          changedAt: this.clock.now().toISOString(),
        });
      }
    }
    this.logger.log('development: the seeded staff have addresses in the staff directory');
  }
}
