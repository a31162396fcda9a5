import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fill, OperationSettings, Target } from './targets';

/** The checks run on every response. Only a 5xx fails the command; the conformance ones are reported. */
export const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

// TOML basic strings take JSON's escapes.
const text = (value: string) => JSON.stringify(value);
const key = (name: string) => (/^[A-Za-z0-9_-]+$/.test(name) ? name : text(name));
const table = (entries: Record<string, string>) =>
  `{ ${Object.entries(entries)
    .map(([name, value]) => `${key(name)} = ${value}`)
    .join(', ')} }`;

/** schemathesis.toml for one target: a fixed value is an override, a list a dictionary drawn from with a probability. */
export function configFile(target: Target, baseUrl: string, hooks: string): string {
  const dictionaries: string[] = [];
  const fill = (name: string, value: Fill): string => {
    if (typeof value === 'string') return text(value);
    const dictionary = `d${dictionaries.length}`;
    dictionaries.push(`[dictionaries.${dictionary}]\nvalues = [${value.values.map(text).join(', ')}]`);
    return table({ dictionary: text(dictionary), probability: String(value.probability) });
  };
  const parameters = (entries: Record<string, Fill>) =>
    Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, fill(name, value)]));
  const operation = (settings: OperationSettings) =>
    [
      '[[operations]]',
      `include-path = ${text(settings.path)}`,
      settings.method ? `include-method = ${text(settings.method)}` : '',
      settings.parameters ? `parameters = ${table(parameters(settings.parameters))}` : '',
      settings.headers ? `headers = ${table(Object.fromEntries(Object.entries(settings.headers).map(([n, v]) => [n, text(v)])))}` : '',
    ]
      .filter(Boolean)
      .join('\n');
  const lines = [
    `base-url = ${text(baseUrl)}`,
    `hooks = ${text(hooks)}`,
    `headers = ${table({ Authorization: text(`Bearer ${target.token}`) })}`,
    // The token is sent as a header of ours: generating the security scheme's own would only test 401s.
    'generation.with-security-parameters = false',
    // The reports keep the headers (an Idempotency-Key is no secret here), but never the token or the API key.
    'output.sanitization.keys-to-sanitize = ["authorization", "api_key"]',
    'output.sanitization.sensitive-markers = ["authorization"]',
    '',
    '[parameters]',
    ...Object.entries(parameters(target.parameters)).map(([name, value]) => `${key(name)} = ${value}`),
    '',
    ...target.operations.map(operation),
    '',
    ...dictionaries,
  ];
  return `${lines.join('\n')}\n`;
}

export interface Run {
  /** The NDJSON event report. */
  report: string;
  /** schemathesis's own output (its failures with the curl to reproduce each). */
  log: string;
  exitCode: number | string;
  timedOut: boolean;
}

export interface Tool {
  /** The `st` command of the virtualenv. */
  st: string;
  /** The hooks module (tests/fuzz/hooks.py). */
  hooks: string;
  /**
   * Where `st` runs: it keeps its crash cache (.schemathesis) and Hypothesis its examples (.hypothesis) in the
   * working folder, and replays the failures found there first on the next run.
   */
  workFolder: string;
}

/** Runs `st run` against the service's served document, stopped (SIGINT, then SIGKILL) at the target's budget. */
export function runSchemathesis(tool: Tool, target: Target, baseUrl: string, folder: string): Promise<Run> {
  const { st, hooks, workFolder } = tool;
  mkdirSync(folder, { recursive: true });
  mkdirSync(workFolder, { recursive: true });
  const config = join(folder, 'schemathesis.toml');
  writeFileSync(config, configFile(target, baseUrl, hooks));
  const log = join(folder, 'schemathesis.log');
  const args = [
    '--no-color',
    '--config-file',
    config,
    'run',
    `${baseUrl}/docs/openapi.json`,
    '--checks',
    CHECKS.join(','),
    '--continue-on-failure',
    '--max-examples',
    String(target.maxExamples),
    // One worker: with two, Python 3.11's ast module fails under Hypothesis's threads ("AST constructor
    // recursion depth mismatch"), an error of the tool that ends the operation's test early.
    '--workers',
    '1',
    '--request-timeout',
    '10',
    '--report',
    'ndjson',
    '--report-dir',
    folder,
    '--report-ndjson-path',
    join(folder, 'events.ndjson'),
    '--warnings',
    'off',
  ];
  return new Promise((resolve, reject) => {
    const output = createWriteStream(log);
    const child = spawn(st, args, { cwd: workFolder, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(output);
    child.stderr.pipe(output);
    let timedOut = false;
    // SIGINT lets schemathesis finish its report; a run that ignores it is killed.
    const interrupt = setTimeout(() => {
      timedOut = true;
      child.kill('SIGINT');
    }, target.budgetSeconds * 1000);
    const kill = setTimeout(() => child.kill('SIGKILL'), target.budgetSeconds * 1000 + 15_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(interrupt);
      clearTimeout(kill);
      output.end(() => {
        const report = readdirSync(folder).includes('events.ndjson') ? join(folder, 'events.ndjson') : '';
        resolve({ report, log, exitCode: code ?? signal ?? 'unknown', timedOut });
      });
    });
  });
}
