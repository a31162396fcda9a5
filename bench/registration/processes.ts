import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and memory of the processes a registration runs through (intake, FerretDB, PostgreSQL), read from
 * /proc, so a phase can say where the machine's time went. PostgreSQL is every `postgres` process: its
 * backends of other work on the machine count too, hence the load average printed with every run.
 */
const TICKS_PER_SECOND = 100;

export interface ProcessGroup {
  label: string;
  pids(): number[];
}

export function singleProcess(label: string, pid: number): ProcessGroup {
  return { label, pids: () => [pid] };
}

/** Processes whose command line matches: e.g. `postgres`, or the FerretDB listening on one port. */
export function processesMatching(label: string, matches: (argv: string[]) => boolean): ProcessGroup {
  return {
    label,
    pids: () =>
      readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .map(Number)
        .filter((pid) => {
          const argv = commandLine(pid);
          return argv !== undefined && matches(argv);
        }),
  };
}

function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** utime + stime of a process in ms; 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Resident memory in MB; 0 once it is gone. */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export type CpuSnapshot = Map<string, Map<number, number>>;

export function cpuSnapshot(groups: readonly ProcessGroup[]): CpuSnapshot {
  return new Map(groups.map((group) => [group.label, new Map(group.pids().map((pid) => [pid, cpuMs(pid)]))]));
}

/** CPU ms each group used between two snapshots (processes that started in between count from zero). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const used = new Map<string, number>();
  for (const [label, pids] of after) {
    let sum = 0;
    for (const [pid, ms] of pids) sum += ms - (before.get(label)?.get(pid) ?? 0);
    used.set(label, sum);
  }
  return used;
}

/** Samples a process's RSS every `everyMs` and keeps the highest. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 200,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    this.sample();
  }

  private sample(): void {
    this.peak = Math.max(this.peak, rssMb(this.pid));
  }

  /** The highest RSS seen since the last reset, then starts again from now. */
  takePeak(): number {
    this.sample();
    const peak = this.peak;
    this.peak = rssMb(this.pid);
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
