import { SingleBar, Presets } from 'cli-progress';
import type { Progress } from '../dataset';

/** A progress bar for generating a data set (nothing shows when it is already there). */
export function datasetProgressBar(): { update(progress: Progress): void; stop(): void } {
  let bar: SingleBar | undefined;
  return {
    update(progress) {
      if (!bar) {
        bar = new SingleBar(
          { format: 'generating the data set [{bar}] {value}/{total} cases, {events} events', hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(progress.totalCases, 0, { events: 0 });
      }
      bar.update(progress.cases, { events: progress.events });
    },
    stop() {
      bar?.stop();
    },
  };
}
