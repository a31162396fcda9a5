/**
 * When a tenant's cases arrive and are registered, over the years before "now": more each year, fewer in
 * August and over the winter holidays, offices' channels on working days in office hours, the web form and
 * e-mail any day. Returned in the order of registration, the order registry numbers are drawn in.
 */
import { addCalendarDays, daysBetween, type Channel } from '@civic/domain';
import { CHANNEL_WEIGHTS, MONTH_WEIGHTS, WEEKEND_WEIGHT, YEARLY_GROWTH } from './mix';
import type { Random } from './random';
import type { DatasetTenant } from './tenants';
import { dayStart, localDay, MINUTE, nextWorkingMoment, officeTime, type Clock } from './time';

export interface Arrival {
  channel: Channel;
  receivedAt: number;
  registeredAt: number;
}

/** Channels a citizen uses on their own, at any hour; the rest reach the office in its hours. */
const ANY_TIME: readonly Channel[] = ['web-form', 'email'];
/** Registered while the person is there or on the line. */
const AT_ONCE: readonly Channel[] = ['in-person', 'reception-day', 'leadership-meeting', 'phone', 'hotline'];

/** When people write on the web, by local hour. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 4, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 6, 6, 5, 4, 2];

export function arrivals(rng: Random, tenant: DatasetTenant, count: number, from: number, now: number): Arrival[] {
  const clock: Clock = { timeZone: tenant.charter.timeZone, calendar: tenant.calendar };
  const first = localDay(clock, from);
  const days = daysBetween(first, localDay(clock, now)) + 1;
  const anyDay = cumulative(days, (i) => dayWeight(clock, first, i, false));
  const workingDay = cumulative(days, (i) => dayWeight(clock, first, i, true));
  const channels = Object.fromEntries(tenant.charter.channels.map(({ channel }) => [channel, CHANNEL_WEIGHTS[channel] ?? 0]));

  const out: Arrival[] = [];
  while (out.length < count) {
    const channel = rng.weighted<Channel>(channels);
    const anyTime = ANY_TIME.includes(channel);
    const day = addCalendarDays(first, pickIndex(anyTime ? anyDay : workingDay, rng));
    const receivedAt = anyTime ? dayStart(clock, day) + hourOfDay(rng) : officeTime(clock, day, rng);
    const registeredAt = registration(clock, channel, receivedAt, rng);
    // Not registered yet by "now": not in the store either; draw another.
    if (registeredAt >= now || receivedAt < from) continue;
    out.push({ channel, receivedAt, registeredAt });
  }
  return out.sort((a, b) => a.registeredAt - b.registeredAt);
}

function registration(clock: Clock, channel: Channel, receivedAt: number, rng: Random): number {
  if (channel === 'web-form') return receivedAt;
  if (AT_ONCE.includes(channel)) return receivedAt + rng.int(2, 20) * MINUTE;
  // E-mail, post, mailbox, fax, notes left at the board: the registrar gets to them within hours, or the next working day.
  return nextWorkingMoment(clock, receivedAt + rng.int(5, 240) * MINUTE, rng);
}

function dayWeight(clock: Clock, first: string, index: number, workingOnly: boolean): number {
  const day = addCalendarDays(first, index);
  const working = clock.calendar.isWorkingDay(day);
  if (workingOnly && !working) return 0;
  const month = Number(day.slice(5, 7)) - 1;
  return YEARLY_GROWTH ** (index / 365) * MONTH_WEIGHTS[month] * (working ? 1 : WEEKEND_WEIGHT);
}

function cumulative(length: number, weight: (i: number) => number): Float64Array {
  const sums = new Float64Array(length);
  let total = 0;
  for (let i = 0; i < length; i++) sums[i] = total += weight(i);
  return sums;
}

function pickIndex(sums: Float64Array, rng: Random): number {
  const target = rng.float() * sums[sums.length - 1];
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sums[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const HOURS = Object.fromEntries(HOUR_WEIGHTS.map((w, hour) => [String(hour), w]));

function hourOfDay(rng: Random): number {
  return Number(rng.weighted(HOURS)) * 60 * MINUTE + rng.int(0, 60 * MINUTE - 1);
}
