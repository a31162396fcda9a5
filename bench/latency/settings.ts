import { numberSetting } from '../lib/settings';

/** The latency benchmark's knobs (`BENCH_*`; bench/README.md lists them). */
export interface LatencySettings {
  /** Submissions offered per second, evenly spaced (an open loop), to the platform and to the raw chain alike. */
  rate: number;
  /** For how long they are offered. */
  seconds: number;
  /** Submissions before the measured ones (not counted): connections, JIT, the consumers' first fetches. */
  warmup: number;
  /** How long to wait after the last submission for every case to be routed and acknowledged. */
  settleSeconds: number;
}

export function latencySettings(): LatencySettings {
  return {
    rate: numberSetting('BENCH_LATENCY_RATE', 5),
    seconds: numberSetting('BENCH_LATENCY_SECONDS', 30),
    warmup: Math.round(numberSetting('BENCH_LATENCY_WARMUP', 10)),
    settleSeconds: numberSetting('BENCH_LATENCY_SETTLE_SECONDS', 60),
  };
}
