import { createWorkingCalendar, type BulgarianWorkingCalendar, type TenantCharter } from '@civic/domain';

/** One working calendar per tenant (national holidays plus the tenant's own), built on first use. */
export class TenantCalendars {
  private readonly calendars = new Map<string, BulgarianWorkingCalendar>();

  of(charter: Pick<TenantCharter, 'slug' | 'localHolidays'>): BulgarianWorkingCalendar {
    let calendar = this.calendars.get(charter.slug);
    if (!calendar) {
      calendar = createWorkingCalendar({ localHolidays: charter.localHolidays });
      this.calendars.set(charter.slug, calendar);
    }
    return calendar;
  }
}
