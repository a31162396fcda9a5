import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '@civic/domain';
import { MESSAGE_IDS, type MessageId } from '../messages/catalog';
import { templateProblems } from './check';
import type { TemplateText } from './render';

/**
 * The platform's own wording of every message, as data files beside the service:
 * `templates/<message>.<language>.txt`, a `Subject:` line, a blank line, then the body. A tenant admin's
 * changes replace them per tenant (template-store.ts); these are what every tenant starts from.
 * From `src/templates/` (and `dist/.../src/templates/`) the folder is two levels up.
 */
export const DEFAULT_TEMPLATES_DIR = join(__dirname, '..', '..', 'templates');

export type TemplateSet = Record<MessageId, Record<Language, TemplateText>>;

export class DefaultTemplatesError extends Error {}

/** `Subject: …`, blank line, body: the shape of an e-mail, so the files read like the messages they make. */
export function parseTemplateFile(content: string, file: string): TemplateText {
  const normalized = content.replace(/\r\n/g, '\n');
  const match = /^Subject:[ \t]*(.*)\n\n([\s\S]*)$/.exec(normalized);
  if (!match) throw new DefaultTemplatesError(`${file}: expected a "Subject: …" line, a blank line, then the text`);
  return { subject: match[1].trim(), text: match[2] };
}

/** Reads and checks every default; a missing or broken one stops start-up, naming the file and the problem. */
export function loadDefaultTemplates(dir = DEFAULT_TEMPLATES_DIR): TemplateSet {
  const files = new Set(readdirSync(dir));
  const set = {} as TemplateSet;
  const problems: string[] = [];
  for (const message of MESSAGE_IDS) {
    set[message] = {} as Record<Language, TemplateText>;
    for (const language of LANGUAGES) {
      const file = `${message}.${language}.txt`;
      if (!files.has(file)) {
        problems.push(`${file}: missing`);
        continue;
      }
      const template = parseTemplateFile(readFileSync(join(dir, file), 'utf8'), file);
      for (const problem of templateProblems(message, language, template)) problems.push(`${file}: ${problem.field} ${problem.reason}`);
      set[message][language] = template;
    }
  }
  if (problems.length > 0) throw new DefaultTemplatesError(`Default templates in ${dir} are not usable:\n  ${problems.join('\n  ')}`);
  return set;
}
