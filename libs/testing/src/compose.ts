import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from './servers';

interface ComposeFile {
  services: Record<
    string,
    {
      environment?: Record<string, string | number> | string[];
      image?: string;
      build?: { context: string; dockerfile: string; args?: Record<string, string> };
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: unknown;
      network_mode?: string;
      ports?: string[];
      volumes?: string[];
    }
  >;
}

export function readCompose(): ComposeFile {
  // merge: docker-compose.yml shares the services' settings through a YAML merge key (<<).
  return parse(readFileSync(join(WORKSPACE_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
}

/**
 * Compose's interpolation as it runs with none of the variables set: `${NAME:-default}` and `${NAME-default}` give
 * the default, `${NAME}` nothing, `$$` a dollar sign. (The stack's secrets are such variables, development defaults.)
 */
export function interpolateWithDefaults(value: string): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (match, _name: string, fallback?: string) =>
    match === '$$' ? '$' : (fallback ?? ''),
  );
}

/** The environment docker-compose gives a service, as strings, the way the process would see it (no variables set). */
export function composeEnvironment(service: string): Record<string, string> {
  const definition = readCompose().services[service];
  if (!definition) throw new Error(`docker-compose.yml has no service "${service}"`);
  const environment = definition.environment ?? {};
  const entries = Array.isArray(environment)
    ? environment.map((entry) => entry.split(/=(.*)/s).slice(0, 2) as [string, string])
    : Object.entries(environment).map(([k, v]): [string, string] => [k, String(v)]);
  return Object.fromEntries(entries.map(([k, v]) => [k, interpolateWithDefaults(v)]));
}
