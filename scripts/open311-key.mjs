#!/usr/bin/env node
// Issues an Open311 API key for a municipality: 128 random bits, shown once for the client, and the entry for
// intake's OPEN311_API_KEYS that names it by its SHA-256 only (what production accepts).
// Usage: node scripts/open311-key.mjs <tenant>
import { createHash, randomBytes } from 'node:crypto';

const tenant = process.argv[2];
if (!tenant || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(tenant)) {
  console.error('usage: node scripts/open311-key.mjs <tenant slug, e.g. peshtera>');
  process.exit(2);
}
const key = randomBytes(16).toString('hex');
const digest = createHash('sha256').update(key, 'utf8').digest('hex');
console.log(`key for the client (give it once, keep it nowhere): ${key}`);
console.log(`entry for OPEN311_API_KEYS: ${tenant}:sha256:${digest}`);
