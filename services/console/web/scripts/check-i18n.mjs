// Checks that bg.json and en.json have the same keys and no empty texts. Exit code 1 on any difference.
// Run: node services/console/web/scripts/check-i18n.mjs
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const i18nDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'i18n');
const load = async (language) => JSON.parse(await readFile(path.join(i18nDir, `${language}.json`), 'utf8'));

// Same logic as src/i18n/keys.ts (kept dependency-free so it runs with plain node).
function entries(tree, prefix = '') {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : entries(value, `${prefix}${key}.`),
  );
}

const bg = new Map(entries(await load('bg')));
const en = new Map(entries(await load('en')));
const problems = [
  ...[...bg.keys()].filter((key) => !en.has(key)).map((key) => `missing in en.json: ${key}`),
  ...[...en.keys()].filter((key) => !bg.has(key)).map((key) => `missing in bg.json: ${key}`),
  ...[...bg].filter(([, text]) => text.trim() === '').map(([key]) => `empty in bg.json: ${key}`),
  ...[...en].filter(([, text]) => text.trim() === '').map(([key]) => `empty in en.json: ${key}`),
];
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
console.log(`bg.json and en.json agree: ${bg.size} keys each`);
