/**
 * Where a rebuild's time goes, without changing the code under test: the MongoDB driver's collection
 * methods and the event store's `readAll` are wrapped, in this process only, to add up calls and time per
 * operation and collection family (`find analytics_cases_*`). Calls that overlap (reads by id in parallel)
 * add up to more than the wall time they took.
 */
import { Collection, FindCursor } from 'mongodb';
import { PostgresEventStore } from '@civic/event-store';

export interface OpFigure {
  op: string;
  calls: number;
  ms: number;
}

/** A generation's collections by family: `analytics_cases_<generation id>` → `analytics_cases_*`. */
const family = (name: string) => name.replace(/_(?=[a-z]*[0-9])[0-9a-z]{8,}$/, '_*');

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

export class OpTimer {
  private readonly figures = new Map<string, OpFigure>();
  private readonly restores: (() => void)[] = [];
  enabled = false;

  install(): this {
    for (const method of ['insertOne', 'insertMany', 'replaceOne', 'updateOne', 'bulkWrite', 'findOne', 'countDocuments', 'deleteOne']) {
      this.wrap(Collection.prototype as unknown as Record<string, AnyFunction>, method, function (this: unknown) {
        return `${method} ${family((this as Collection).collectionName)}`;
      });
    }
    this.wrap(FindCursor.prototype as unknown as Record<string, AnyFunction>, 'toArray', function (this: unknown) {
      const namespace = (this as FindCursor).namespace;
      return `find ${family(namespace.collection ?? '')}`;
    });
    this.wrap(PostgresEventStore.prototype as unknown as Record<string, AnyFunction>, 'readAll', () => 'event store readAll');
    return this;
  }

  uninstall(): void {
    for (const restore of this.restores.splice(0)) restore();
  }

  reset(): void {
    this.figures.clear();
  }

  table(): OpFigure[] {
    return [...this.figures.values()].sort((a, b) => b.ms - a.ms);
  }

  private wrap(target: Record<string, AnyFunction>, method: string, label: (this: unknown) => string): void {
    const original = target[method];
    const enabled = () => this.enabled;
    const record = (name: string, started: number) => {
      const figure = this.figures.get(name) ?? { op: name, calls: 0, ms: 0 };
      figure.calls += 1;
      figure.ms += performance.now() - started;
      this.figures.set(name, figure);
    };
    target[method] = function (this: unknown, ...args: unknown[]) {
      if (!enabled()) return original.apply(this, args);
      const name = label.call(this);
      const started = performance.now();
      const result = original.apply(this, args);
      if (result instanceof Promise) return result.finally(() => record(name, started));
      record(name, started);
      return result;
    };
    this.restores.push(() => (target[method] = original));
  }
}
