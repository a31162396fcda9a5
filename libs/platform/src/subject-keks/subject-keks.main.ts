/**
 * The KEKs that wrap the subject keys, for operators (README.md, "Personal data and erasure"), with the services'
 * settings (EVENT_STORE_URL, MONGODB_URI, SUBJECT_KEYS_DATABASE, SUBJECT_KEK_FILE):
 *   node dist/libs/platform/src/subject-keks/subject-keks.main.js status|init|add|rewrap|retire <kekId>
 */
import { subjectKeks, SubjectKeksUsageError } from './subject-keks';

const { EVENT_STORE_URL, MONGODB_URI, SUBJECT_KEYS_DATABASE, SUBJECT_KEK_FILE } = process.env;
subjectKeks(process.argv.slice(2), { EVENT_STORE_URL, MONGODB_URI, SUBJECT_KEYS_DATABASE, SUBJECT_KEK_FILE }).then(
  (output) => console.log(output),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof SubjectKeksUsageError ? 64 : 1);
  },
);
