// docker-compose.yml's MongoDB: one user per service, made by the mongo image on the first start of an empty data
// volume (/docker-entrypoint-initdb.d, run by mongosh as the root user). Each may read and write the platform's
// database `civic` (read models, inboxes, bookkeeping); the five platform services also the subject keys' database
// `civic_subject_keys` (the keys there are wrapped: useless without the key file, which this container never sees).
// The console keeps only its sessions in `civic`. Passwords come from the environment (docker-compose.yml's
// MONGO_*_PASSWORD, development defaults there). A data volume made before this script has no users: remove it
// (`docker compose down -v`) or run this file once with mongosh as an administrator.
const civic = db.getSiblingDB('civic');
const users = [
  ['intake', 'MONGO_INTAKE_PASSWORD', true],
  ['routing', 'MONGO_ROUTING_PASSWORD', true],
  ['deadline-watch', 'MONGO_DEADLINE_WATCH_PASSWORD', true],
  ['notification', 'MONGO_NOTIFICATION_PASSWORD', true],
  ['analytics', 'MONGO_ANALYTICS_PASSWORD', true],
  ['console', 'MONGO_CONSOLE_PASSWORD', false],
];
for (const [user, variable, subjectKeys] of users) {
  const pwd = process.env[variable];
  if (!pwd) throw new Error(`${variable} is not set: no password for MongoDB user ${user}`);
  const roles = [{ role: 'readWrite', db: 'civic' }];
  if (subjectKeys) roles.push({ role: 'readWrite', db: 'civic_subject_keys' });
  civic.createUser({ user, pwd, roles });
}
