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

/** The environment docker-compose gives a service, as strings, the way the process would see it. */
export function composeEnvironment(service: string): Record<string, string> {
  const definition = readCompose().services[service];
  if (!definition) throw new Error(`docker-compose.yml has no service "${service}"`);
  const environment = definition.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => entry.split(/=(.*)/s).slice(0, 2) as [string, string]));
  }
  return Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)]));
}
