import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

/**
 * JSON Schemas of the GeoReport v2 answers (open311-schemas/, written from wiki.open311.org/GeoReport_v2)
 * and a check against them with ajv 8 (a direct devDependency); the schemas use draft-07 keywords only.
 */
export const OPEN311_SCHEMAS = ['discovery', 'services', 'service-definition', 'created-requests', 'service-requests', 'errors'] as const;
export type Open311SchemaName = (typeof OPEN311_SCHEMAS)[number];

const SCHEMA_DIR = join(__dirname, 'open311-schemas');
const ID_BASE = 'https://civic-cases.example/open311/';

// `allowUnionTypes` for `type: ["string", "null"]`; `strictTypes: false` for `if/then` branches that
// constrain arrays without repeating `type: "array"`, which draft-07 allows.
const options = { allErrors: true, allowUnionTypes: true, strictTypes: false };
const ajv = new Ajv(options);
for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object);
}

/** What is wrong with the answer under its schema; empty when it conforms. */
export function schemaProblems(schema: Open311SchemaName, answer: unknown): string[] {
  const validate = ajv.getSchema(`${ID_BASE}${schema}.json`);
  if (!validate) throw new Error(`no schema ${schema}`);
  if (validate(answer)) return [];
  return (validate.errors ?? []).map((error) => `${JSON.stringify(error)}`);
}

/** Fails the test with the schema's complaints when the answer does not conform. */
export function expectConforms(schema: Open311SchemaName, answer: unknown): void {
  const problems = schemaProblems(schema, answer);
  if (problems.length > 0)
    throw new Error(
      `The answer does not conform to ${schema}.json:\n${problems.join('\n')}\n${JSON.stringify(answer, null, 2).slice(0, 3000)}`,
    );
}
