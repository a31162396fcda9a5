import Handlebars from 'handlebars';

/** A message's wording in one language: the subject line and the plain-text body, both Handlebars. */
export interface TemplateText {
  subject: string;
  text: string;
}

export type TemplateField = keyof TemplateText;

/** What is wrong with a template, by field: a variable it names that the message does not have, or bad syntax. */
export interface TemplateProblem {
  field: TemplateField;
  reason: string;
  /** The variable that is missing, when that is the problem. */
  variable?: string;
}

export class TemplateRenderError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '));
    this.name = 'TemplateRenderError';
  }
}

/**
 * Templates are data a tenant admin edits, so they run in a small, safe subset: strict (a variable that is
 * not there is an error naming it, never an empty gap), only the built-in helpers (if, unless, each, with),
 * no partials, no prototype access (Handlebars' default since 4.6). No HTML escaping: the text is plain;
 * the HTML part of an e-mail is made from it with everything escaped (see email/compose.ts).
 */
const handlebars = Handlebars.create();
const OPTIONS: CompileOptions = { strict: true, noEscape: true, knownHelpersOnly: true };
const compiled = new Map<string, HandlebarsTemplateDelegate>();
const MAX_CACHED = 500;

function compile(source: string): HandlebarsTemplateDelegate {
  let template = compiled.get(source);
  if (!template) {
    template = handlebars.compile(source, OPTIONS);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(source, template);
  }
  return template;
}

const STRICT_MISSING = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/s;

function problemOf(field: TemplateField, error: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const missing = STRICT_MISSING.exec(message);
  if (missing) {
    const [, variable, line, column] = missing;
    return {
      field,
      variable,
      reason: `uses the variable "${variable}" (line ${line}, column ${Number(column) + 1}), which this message does not have`,
    };
  }
  if (message.startsWith('Parse error'))
    return {
      field,
      reason: `is not a valid template: ${message.split('\n')[0]} ${message.split('\n').slice(1, 3).join(' ').trim()}`.trim(),
    };
  return { field, reason: `cannot be rendered: ${message.split('\n')[0]}` };
}

function renderField(field: TemplateField, source: string, variables: Record<string, unknown>): string | TemplateProblem {
  try {
    return compile(source)(variables, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    return problemOf(field, error);
  }
}

/** Renders subject and text; throws `TemplateRenderError` naming every field that fails and why. */
export function renderTemplate(template: TemplateText, variables: Record<string, unknown>): TemplateText {
  const subject = renderField('subject', template.subject, variables);
  const text = renderField('text', template.text, variables);
  const problems = [subject, text].filter((result): result is TemplateProblem => typeof result !== 'string');
  if (problems.length > 0) throw new TemplateRenderError(problems);
  // A subject is one line, whatever the template's line breaks.
  return { subject: (subject as string).replace(/\s*\n\s*/g, ' ').trim(), text: (text as string).trim() + '\n' };
}
