// Copies each service's OpenAPI document into src/api/openapi/, from the services `npm start` runs (or the
// addresses given as <service>=<url> arguments, or the folder the console's journeys write them to), then
// regenerate the types with generate-api.mjs.
//   node services/console/web/scripts/fetch-openapi.mjs [intake=http://127.0.0.1:3001 …]
//   node services/console/web/scripts/fetch-openapi.mjs --from tmp/openapi
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const targetDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'api', 'openapi');
const services = {
  intake: 'http://127.0.0.1:3001',
  routing: 'http://127.0.0.1:3002',
  'deadline-watch': 'http://127.0.0.1:3003',
  notification: 'http://127.0.0.1:3004',
  analytics: 'http://127.0.0.1:3005',
};
const from = process.argv[2] === '--from' ? process.argv[3] : undefined;
for (const argument of from ? [] : process.argv.slice(2)) {
  const [service, url] = argument.split('=');
  if (!(service in services) || !url) throw new Error(`expected <service>=<url> with a service of ${Object.keys(services).join(', ')}`);
  services[service] = url;
}
async function served(service, url) {
  if (from) return JSON.parse(await readFile(path.join(from, `${service}.json`), 'utf8'));
  const response = await fetch(`${url}/docs/openapi.json`);
  if (!response.ok) throw new Error(`${service} at ${url} answered ${response.status} for /docs/openapi.json`);
  return response.json();
}
for (const [service, url] of Object.entries(services)) {
  const document = await served(service, url);
  const target = path.join(targetDir, `${service}.json`);
  const options = (await prettier.resolveConfig(target)) ?? {};
  await writeFile(target, await prettier.format(JSON.stringify(document), { ...options, filepath: target }));
  console.log(`wrote src/api/openapi/${service}.json`);
}
