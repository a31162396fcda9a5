import { flagSetting, numberSetting } from '../lib/settings';

/** The registration benchmark's knobs (`BENCH_*`; bench/README.md lists them). */
export interface RegistrationSettings {
  /** Measured seconds of each closed-loop phase (1 and `writers` connections) and of the raw baseline. */
  seconds: number;
  /** At most this many registrations per closed-loop phase (the phase ends at whichever comes first). */
  maxRegistrations: number;
  warmupSeconds: number;
  writers: number;
  /** The open loop: registrations offered per second, for `openSeconds`. */
  rate: number;
  openSeconds: number;
  /** JSON size of each raw baseline event's data. */
  dataBytes: number;
  /** The MongoDB server (FerretDB) intake keeps its documents in; default MONGODB_URI. */
  mongoServerUri: string | undefined;
  /** intake's LOG_LEVEL: `info` is what `npm start` runs with (one JSON line per request). */
  logLevel: string;
  /** Also trace the round trips of single registrations in this process (bench/registration/anatomy.ts). */
  anatomy: boolean;
  anatomyRegistrations: number;
}

export function registrationSettings(): RegistrationSettings {
  return {
    seconds: numberSetting('BENCH_SECONDS', 15),
    maxRegistrations: Math.round(numberSetting('BENCH_MAX_REGISTRATIONS', 5_000)),
    warmupSeconds: numberSetting('BENCH_WARMUP_SECONDS', 3),
    writers: Math.round(numberSetting('BENCH_WRITERS', 8)),
    rate: numberSetting('BENCH_RATE', 50),
    openSeconds: numberSetting('BENCH_OPEN_SECONDS', 20),
    dataBytes: Math.round(numberSetting('BENCH_DATA_BYTES', 400)),
    mongoServerUri: process.env.BENCH_MONGODB_URI || undefined,
    logLevel: process.env.BENCH_LOG_LEVEL || 'info',
    anatomy: flagSetting('BENCH_ANATOMY', true),
    anatomyRegistrations: Math.round(numberSetting('BENCH_ANATOMY_REGISTRATIONS', 60)),
  };
}
