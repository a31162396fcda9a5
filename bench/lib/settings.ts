/**
 * Size knobs from the environment (`BENCH_*`), so a run can be made longer or heavier without editing code.
 * The defaults finish each benchmark in under about two minutes on two cores.
 */
export class InvalidBenchSettingError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
  ) {
    super(`${variable}=${value} is not a positive number`);
    this.name = 'InvalidBenchSettingError';
  }
}

export function numberSetting(variable: string, fallback: number): number {
  const text = process.env[variable];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidBenchSettingError(variable, text);
  return value;
}

/** `0`, `false`, `no` or `off` turn a flag off. */
export function flagSetting(variable: string, fallback: boolean): boolean {
  const text = process.env[variable]?.trim().toLowerCase();
  if (text === undefined || text === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(text);
}
