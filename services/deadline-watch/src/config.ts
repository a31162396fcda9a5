import { booleanFlag, eventStoreKind, platformConfigSchema } from '@civic/platform';
import { z } from 'zod';

const milliseconds = (defaultValue: number, min: number) =>
  z.coerce.number().int('must be a whole number of milliseconds').min(min, `must be at least ${min}`).default(defaultValue);

/** deadline-watch's settings, validated at start-up. */
export const configSchema = platformConfigSchema.extend({
  /** Run the ticker that fires due timers (off only in tests that drive `tick()` themselves). */
  TICKER_ENABLED: booleanFlag(true),
  /** How often the ticker looks for due timers. A breach is recorded at most this late. */
  TICK_MS: milliseconds(10_000, 50),
  /** The most timers one tick takes; the rest wait for the next tick, oldest first. */
  TICK_BATCH: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10000')
    .default(100),
  /**
   * How long an instance holds a timer it claimed. Another instance takes it over only after this, so it
   * must be far longer than recording one alert takes; a crashed instance's timers wait this long.
   */
  TIMER_LEASE_MS: milliseconds(60_000, 100),
  /** How many cases of a batch are fired at once (each case's timers one after the other). */
  TICK_CONCURRENCY: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(64, 'must be at most 64').default(8),
  /**
   * Where the timers are kept: `postgres`, a table of deadline-watch's own in the event store's database (the
   * default when the event store is PostgreSQL), or `mongodb` (the default on EventStoreDB). FerretDB 1.x
   * takes no timer query from an index (bench/README.md, "timers").
   */
  TIMER_STORE: z.enum(['postgres', 'mongodb']).optional(),
});
export type DeadlineWatchConfig = z.infer<typeof configSchema>;

/** The timer store named by TIMER_STORE, or the one that goes with the event store. */
export const timerStoreKind = (config: DeadlineWatchConfig): 'postgres' | 'mongodb' =>
  config.TIMER_STORE ?? (eventStoreKind(config.EVENT_STORE_URL) === 'postgres' ? 'postgres' : 'mongodb');
