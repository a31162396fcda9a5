import type { Tally } from './tally';

/** The 4xx codes shown one by one; others are summed as "other 4xx". */
const CODES_4XX = [400, 401, 403, 404, 409, 412, 422, 429];
/** Answers the handlers give after routing, authentication and rate limits let the request through. */
const HANDLED = new Set([400, 409, 412, 422]);
/** Answers that say the request did not get deep: no token, wrong role, nothing there, too many. */
const SHALLOW = new Set([401, 403, 404, 429]);

const percent = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : '-');

export interface Shares {
  requests: number;
  '2xx': number;
  /** 2xx plus the handlers' own refusals (400, 409, 412, 422). */
  handled: number;
  /** 401, 403, 404 and 429, the router's 404s for undeclared methods included. */
  shallow: number;
  '5xx': number;
}

export function shares(tally: Tally): Shares {
  let ok = 0;
  let handled = 0;
  let shallow = 0;
  let server = 0;
  for (const [status, count] of tally.byStatus) {
    if (status >= 200 && status < 300) ok += count;
    if (HANDLED.has(status)) handled += count;
    if (SHALLOW.has(status)) shallow += count;
    if (status >= 500) server += count;
  }
  return { requests: tally.requests, '2xx': ok, handled: ok + handled, shallow, '5xx': server };
}

function statusRow(name: string, tally: Tally): string {
  const count = (test: (status: number) => boolean) =>
    [...tally.byStatus].filter(([status]) => test(status)).reduce((sum, [, n]) => sum + n, 0);
  const n = tally.requests;
  const cells = [
    n,
    percent(
      count((s) => s >= 200 && s < 300),
      n,
    ),
    ...CODES_4XX.map((code) =>
      percent(
        count((s) => s === code),
        n,
      ),
    ),
    percent(
      count((s) => s >= 400 && s < 500 && !CODES_4XX.includes(s)),
      n,
    ),
    count((s) => s >= 500),
    percent(shares(tally).handled, n),
    percent(tally.undeclaredMethods, n),
  ];
  return `| ${name} | ${cells.join(' | ')} |`;
}

/** The Markdown summary: per service and in total, the status shares, the 5xx with their curl, the conformance findings. */
export function renderSummary(perService: [string, Tally][], total: Tally, notes: string[]): string {
  const header = [
    '| service | requests | 2xx',
    ...CODES_4XX.map(String),
    'other 4xx | 5xx | 2xx + 400/409/412/422 | undeclared methods (404) |',
  ].join(' | ');
  const lines = [
    '# Fuzzing summary (`npm run test:fuzz`)',
    '',
    header,
    `|${' --- |'.repeat(CODES_4XX.length + 7)}`,
    ...perService.map(([name, tally]) => statusRow(name, tally)),
    statusRow('**total**', total),
    '',
    '"Undeclared methods" are the coverage phase\'s probes of methods a path does not document (TRACE, PATCH, …): ' +
      'the router answers them 404; they are counted in the 404 column too.',
    '',
    `## Server errors: ${total.serverErrors.length}`,
    '',
  ];
  for (const error of total.serverErrors) {
    lines.push(`- **${error.status}** \`${error.operation}\` (${error.phase} phase)`, '', '  ```sh', `  ${error.curl}`, '  ```', '');
  }
  lines.push('## Conformance findings (reported, not failed on)', '');
  const conformance = perService.flatMap(([name, tally]) =>
    [...tally.conformance].flatMap(([check, byOperation]) =>
      [...byOperation].map(([operation, count]) => `| ${name} | ${check} | \`${operation}\` | ${count} |`),
    ),
  );
  if (conformance.length) lines.push('| service | check | operation | responses |', '| --- | --- | --- | --- |', ...conformance);
  else lines.push('None.');
  lines.push('', '## Phases', '');
  for (const [name, tally] of perService) {
    lines.push(`- ${name}: ${[...tally.phases].map(([phase, status]) => `${phase} ${status}`).join(', ')}`);
  }
  lines.push('', '## Operations that never answered 2xx', '');
  for (const [name, tally] of perService) {
    const never = [...tally.byOperation]
      .filter(([, statuses]) => ![...statuses.keys()].some((s) => s >= 200 && s < 300))
      .map(([operation, statuses]) => `\`${operation}\` (${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')})`);
    if (never.length) lines.push(`- ${name}: ${never.join('; ')}`);
  }
  if (notes.length) lines.push('', '## Notes', '', ...notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}
