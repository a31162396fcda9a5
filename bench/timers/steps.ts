import { fixed } from '../lib/report';

interface Step {
  calls: number;
  ms: number;
}

/**
 * Where a tick's time goes: named methods of the service's own objects, wrapped to count their calls and sum
 * their time. Calls that overlap (cases fired at once) each count their whole time, so the sum may exceed the tick.
 */
export class StepTimes {
  private steps = new Map<string, Step>();
  private readonly order: string[] = [];
  private active = false;

  wrap(target: object, method: string, label: string): void {
    const holder = target as Record<string, unknown>;
    const original = holder[method];
    if (typeof original !== 'function') throw new Error(`${label}: no method ${method}`);
    this.order.push(label);
    holder[method] = async (...args: unknown[]) => {
      const started = performance.now();
      const counted = this.active;
      try {
        return await (original as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      } finally {
        if (counted) this.add(label, performance.now() - started);
      }
    };
  }

  /** Runs `work` with the steps counted (the set-up between ticks is not). */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.active = true;
    try {
      return await work();
    } finally {
      this.active = false;
    }
  }

  private add(label: string, ms: number): void {
    const step = this.steps.get(label) ?? { calls: 0, ms: 0 };
    step.calls += 1;
    step.ms += ms;
    this.steps.set(label, step);
  }

  reset(): void {
    this.steps = new Map();
  }

  /** A markdown table of calls and ms per tick, averaged over `ticks`. */
  table(ticks: number, tickMs: number): string {
    const lines = ['| step | calls per tick | ms per tick (summed) | share of the tick |', '|---|---:|---:|---:|'];
    for (const label of this.order) {
      const step = this.steps.get(label);
      if (!step) continue;
      lines.push(
        `| ${label} | ${fixed(step.calls / ticks, 1)} | ${fixed(step.ms / ticks, 1)} | ${fixed((100 * step.ms) / ticks / tickMs, 0)} % |`,
      );
    }
    return lines.join('\n');
  }
}
