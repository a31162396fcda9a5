/**
 * The HTML part of an e-mail, made from the same template as the text part but knowing which text came from
 * where (issue 21 item 5: the acknowledgement was used for phishing under the municipality's name):
 *
 * - the platform's own links (`LINK_VARIABLES`, made from the configured tracking and confirmation URLs) and
 *   URLs the tenant admin wrote into the template are links;
 * - every other variable (the greeting with a name a stranger typed, an officer's text quoting a citizen) is
 *   escaped and never made a link: no `<a>` is put around it, and a zero-width joiner after each `.`, `:`,
 *   `/` and `@` keeps a mail client's own linkifier from seeing a URL, a domain or an address in it (the text
 *   reads the same; a screen reader skips the joiner).
 */
import { renderTemplate } from '../templates/render';

/** Variables whose value the platform makes from its configuration: the only ones made links. */
export const LINK_VARIABLES: ReadonlySet<string> = new Set(['trackingLink', 'confirmationLink']);

// Private-use characters mark where a variable's value starts and ends in the rendered text.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const LINK_OPEN = '\uE002';
const LINK_CLOSE = '\uE003';
const MARKS = /[\uE000-\uE003]/g;
const ZWJ = '&#8205;';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const isHttpUrl = (value: string) => /^https?:\/\/[^\s<>"']+$/.test(value);

/** User text, escaped, that no linkifier reads as a URL, a domain or an e-mail address. */
export const inertText = (text: string): string => escapeHtml(text).replace(/([.:/@])/g, `$1${ZWJ}`);

const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;

/** Text the template itself says (the tenant admin's wording): escaped, its URLs links. */
const templateText = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<&]+/g, (url) => `<a href="${url}">${url}</a>`);

function markedVariables(variables: Record<string, unknown>): Record<string, unknown> {
  const marked: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(variables)) {
    // Empty strings stay empty so `{{#if}}` reads them as before.
    if (typeof value !== 'string' || value === '') marked[name] = value;
    else if (LINK_VARIABLES.has(name) && isHttpUrl(value)) marked[name] = `${LINK_OPEN}${value}${LINK_CLOSE}`;
    else marked[name] = `${OPEN}${value.replace(MARKS, '')}${CLOSE}`;
  }
  return marked;
}

/** Marked text as HTML: each part escaped by where it came from; a value's own line breaks included. */
function markedToHtml(marked: string): string {
  let html = '';
  const pattern = /\uE000([^\uE001]*)\uE001|\uE002([^\uE003]*)\uE003/g;
  let last = 0;
  for (const match of marked.matchAll(pattern)) {
    html += templateText(marked.slice(last, match.index));
    html += match[1] !== undefined ? inertText(match[1]) : link(match[2] ?? '');
    last = (match.index ?? 0) + match[0].length;
  }
  return html + templateText(marked.slice(last).replace(MARKS, ''));
}

/**
 * The HTML part of a message whose text part is `renderTemplate(template, variables).text`: the same words,
 * paragraphs kept, every character escaped, links only where the platform or the template put them.
 */
export function renderHtml(template: { subject: string; text: string }, variables: Record<string, unknown>, language: string): string {
  const source = { subject: template.subject, text: template.text.replace(MARKS, '') };
  const { text } = renderTemplate(source, markedVariables(variables));
  // Paragraphs are split after escaping: a value with blank lines of its own (an answer) stays inert across them.
  const paragraphs = markedToHtml(text.trim())
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>\n')}</p>`);
  return `<!doctype html>\n<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"></head><body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs.join('\n')}\n</body></html>\n`;
}
