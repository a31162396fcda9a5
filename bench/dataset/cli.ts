/**
 * `bash bench/dataset.sh small|national|<cases> [--seed N] [--now ISO] [--fresh] [--writers N] [--batch N]`
 * Generates (or finds complete) the data set and prints where it is, how long it took and what it holds.
 */
import { Presets, SingleBar } from 'cli-progress';
import { loadLine, machineLine, postgresLine } from '../lib/machine';
import { DEFAULT_NOW, DEFAULT_SEED, SIZES, generateDataset, type DatasetSize, type GenerateOptions } from './index';
import { totalsText } from './totals';
import { verifyDataset } from './verify';

const USAGE =
  'usage: bash bench/dataset.sh small|national|<cases> [--seed N] [--now ISO-8601] [--fresh] [--writers N] [--batch N] [--simulators N] [--verify N]';

function parse(argv: string[]): GenerateOptions & { verify: number } {
  const [sizeArg, ...rest] = argv;
  if (!sizeArg) throw new Error(USAGE);
  const size: DatasetSize = sizeArg in SIZES ? (sizeArg as keyof typeof SIZES) : Number(sizeArg);
  if (typeof size === 'number' && !(Number.isInteger(size) && size > 0)) throw new Error(`unknown size "${sizeArg}"\n${USAGE}`);
  const options: GenerateOptions & { verify: number } = { size, seed: DEFAULT_SEED, verify: 0 };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const whole = (text: string) => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} ${text}: expected a whole number\n${USAGE}`);
      return n;
    };
    if (flag === '--seed') options.seed = whole(value());
    else if (flag === '--now') {
      const now = value();
      if (Number.isNaN(Date.parse(now))) throw new Error(`--now ${now}: expected an ISO-8601 instant`);
      options.now = new Date(now).toISOString();
    } else if (flag === '--fresh') options.fresh = true;
    else if (flag === '--writers') options.writers = Math.max(1, whole(value()));
    else if (flag === '--batch') options.batch = Math.max(1, whole(value()));
    else if (flag === '--verify') options.verify = whole(value());
    else if (flag === '--simulators') options.simulators = whole(value());
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  console.log(`data set ${String(options.size)}, seed ${options.seed}, now ${options.now ?? DEFAULT_NOW}`);
  console.log(machineLine());
  const bar = new SingleBar(
    {
      format: '{bar} {percentage}% | {value}/{total} cases | {cps} cases/s | {events} events, {eps} events/s | ETA {eta_formatted}',
      etaBuffer: 2000,
      fps: 4,
      // Without a terminal (a log file, CI) a line every 10 s instead of the redrawn bar.
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let barStarted = false;
  const result = await generateDataset({
    ...options,
    onProgress: ({ cases, events, totalCases }) => {
      if (!barStarted) {
        bar.start(totalCases, 0, { cps: '0', events: 0, eps: '0' });
        barStarted = true;
      }
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(cases, { cps: (cases / seconds).toFixed(0), events, eps: (events / seconds).toFixed(0) });
    },
  });
  if (barStarted) bar.stop();
  const { names, totals } = result;
  console.log(`PostgreSQL database ${names.database} (${names.pgUrl}): events, subject keys (civic_keys.subject_keys) and marker`);
  if (result.alreadyComplete) {
    console.log('already complete: nothing written (--fresh rebuilds it)');
  } else {
    console.log(
      `generated in ${result.seconds.toFixed(1)} s: ${(totals.cases / result.seconds).toFixed(0)} cases/s, ` +
        `${(totals.events / result.seconds).toFixed(0)} events/s; ${loadLine()}`,
    );
  }
  console.log(`database size ${gib(result.databaseBytes)}; ${result.subjectKeys} subject keys`);
  console.log(totalsText(totals));
  console.log(await postgresLine(names.pgUrl));
  if (options.verify > 0) {
    const started = Date.now();
    const check = await verifyDataset(names, options.verify);
    const ok = check.chainsBroken.length + check.notDecrypted.length + check.registryGaps.length === 0;
    console.log(
      `verified in ${((Date.now() - started) / 1000).toFixed(1)} s: ${check.sampled} case streams sampled, ` +
        `hash chains broken ${check.chainsBroken.length}, not decrypted ${check.notDecrypted.length}; registry streams with gaps ${check.registryGaps.length}; ` +
        `in the store ${check.counted.cases} cases and ${check.counted.events} events (totals say ${totals.cases} and ${totals.events})`,
    );
    if (!ok || check.counted.cases !== totals.cases || check.counted.events !== totals.events) {
      throw new Error(`verification failed: ${JSON.stringify(check).slice(0, 2000)}`);
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof Error && error.stack && !error.message.startsWith('usage')) console.error(error.stack);
    process.exit(1);
  },
);
