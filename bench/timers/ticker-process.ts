/**
 * deadline-watch's ticker in a process of its own, so that the memory measured is the service's and not the
 * benchmark's set-up (bulk loads, registrations, baselines). Started by timers.bench.ts with `fork`; it runs the
 * service's module on the benchmark's databases and clock file and answers messages:
 * `tick` → `{ ms, cpuMs, rssMb, outcomes }`; `steps` → the table of where the ticks' time went, then reset.
 */
import { AlertRecorder } from '../../services/deadline-watch/src/watch/alert-recorder';
import { startWatch } from './app';
import { StepTimes } from './steps';

export type TickerRequest = { type: 'tick' } | { type: 'steps'; ticks: number; tickMs: number } | { type: 'stop' };
export type TickerReply =
  | { type: 'ready' }
  | { type: 'ticked'; ms: number; cpuMs: number; rssMb: number; outcomes: string[] }
  | { type: 'steps'; table: string }
  | { type: 'failed'; error: string };

async function main(): Promise<void> {
  const [eventStoreUrl, mongoUri, timerStore, clockFile] = process.argv.slice(2);
  const watch = await startWatch({ eventStoreUrl, mongoUri, timerStore: timerStore as 'postgres' | 'mongodb', clockFile });
  const steps = new StepTimes();
  steps.wrap(watch.timers, 'due', 'timers: due query');
  steps.wrap(watch.timers, 'claim', 'timers: claim the batch');
  steps.wrap(watch.app.get(AlertRecorder), 'fire', 'fire one timer (all below)');
  steps.wrap(watch.planner, 'plan', '  read the case and plan it');
  steps.wrap(watch.planner, 'store', '  store a changed plan');
  steps.wrap(watch.events, 'readStream', '  event store: read a stream');
  steps.wrap(watch.events, 'appendToStream', '  event store: append');
  steps.wrap(watch.timers, 'settle', 'timers: settle the batch');
  steps.wrap(watch.timers, 'release', 'timers: release the batch');
  const reply = (message: TickerReply) => process.send?.(message);

  process.on('message', (request: TickerRequest) => {
    void (async () => {
      try {
        switch (request.type) {
          case 'tick': {
            const cpu = process.cpuUsage();
            const started = performance.now();
            const fired = await steps.during(() => watch.ticker.tick());
            const ms = performance.now() - started;
            const used = process.cpuUsage(cpu);
            reply({
              type: 'ticked',
              ms,
              cpuMs: (used.user + used.system) / 1000,
              rssMb: process.memoryUsage().rss / 2 ** 20,
              outcomes: fired.map((f) => f.outcome),
            });
            break;
          }
          case 'steps':
            reply({ type: 'steps', table: steps.table(request.ticks, request.tickMs) });
            steps.reset();
            break;
          case 'stop':
            await watch.close();
            process.disconnect();
            break;
        }
      } catch (error) {
        reply({ type: 'failed', error: String(error) });
      }
    })();
  });
  reply({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
