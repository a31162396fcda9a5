/**
 * A reader of Prometheus's text exposition format (0.0.4), for the console, which aggregates the services'
 * `/metrics` (prom-client writes the format but does not read it). Samples only: `# HELP` and `# TYPE` are
 * kept as the families' types; timestamps are read and dropped. A line it cannot read is skipped, not fatal:
 * one odd series must not hide the rest of a service's figures.
 */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface PromText {
  samples: PromSample[];
  /** `counter`, `gauge`, `histogram`… by family name. */
  types: Record<string, string>;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

export function parsePrometheusText(text: string): PromText {
  const samples: PromSample[] = [];
  const types: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const type = /^#\s*TYPE\s+(\S+)\s+(\S+)/.exec(line);
      if (type) types[type[1]] = type[2];
      continue;
    }
    const sample = parseSample(line);
    if (sample) samples.push(sample);
  }
  return { samples, types };
}

function parseSample(line: string): PromSample | undefined {
  const name = NAME.exec(line)?.[0];
  if (!name) return undefined;
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    const read = parseLabels(rest);
    if (!read) return undefined;
    Object.assign(labels, read.labels);
    rest = rest.slice(read.length);
  }
  const [valueText] = rest.trim().split(/\s+/);
  const value = parseValue(valueText ?? '');
  return value === undefined ? undefined : { name, labels, value };
}

/** `{a="x",b="y\"z"}` → the labels and the characters read; undefined when malformed. */
function parseLabels(text: string): { labels: Record<string, string>; length: number } | undefined {
  const labels: Record<string, string> = {};
  let i = 1;
  for (;;) {
    while (text[i] === ' ' || text[i] === ',') i += 1;
    if (text[i] === '}') return { labels, length: i + 1 };
    const labelName = LABEL_NAME.exec(text.slice(i))?.[0];
    if (!labelName) return undefined;
    i += labelName.length;
    while (text[i] === ' ') i += 1;
    if (text[i] !== '=') return undefined;
    i += 1;
    while (text[i] === ' ') i += 1;
    if (text[i] !== '"') return undefined;
    i += 1;
    let value = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) return undefined;
      if (c === '"') break;
      if (c === '\\') {
        const next = text[i + 1];
        value += next === 'n' ? '\n' : (next ?? '');
        i += 2;
        continue;
      }
      value += c;
      i += 1;
    }
    labels[labelName] = value;
    i += 1;
  }
}

/** Special values case-insensitively, as Prometheus reads them (prom-client writes `Nan`). */
function parseValue(text: string): number | undefined {
  const special = text.toLowerCase();
  if (special === '+inf' || special === 'inf') return Infinity;
  if (special === '-inf') return -Infinity;
  if (special === 'nan') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** The sum of a family's samples whose labels include `where` (e.g. the 5xx answers of all routes). */
export function sumOf(text: PromText, name: string, where: Record<string, string> = {}): number {
  return text.samples
    .filter((sample) => sample.name === name && Object.entries(where).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}
