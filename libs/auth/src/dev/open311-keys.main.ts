/**
 * The development Open311 API keys for `npm start`: one per seed tenant, created on the first run and kept in
 * the file DEV_OPEN311_KEYS_FILE names (readable by its owner only), so a client set up once keeps working.
 *   DEV_OPEN311_KEYS_FILE=.local/services/open311-keys node dist/libs/auth/src/dev/open311-keys.main.js
 */
import { developmentOpen311Keys } from './open311-keys';

const file = process.env.DEV_OPEN311_KEYS_FILE;
if (!file) {
  console.error('DEV_OPEN311_KEYS_FILE: is required');
  process.exit(78);
}
developmentOpen311Keys(file);
