import { LANGUAGES } from '@civic/domain';
import { MESSAGE_IDS, MESSAGES, sampleVariables } from '../messages/catalog';
import { namedVariables, templateProblems } from './check';
import { DefaultTemplatesError, loadDefaultTemplates, parseTemplateFile } from './defaults';
import { renderTemplate, TemplateRenderError } from './render';

describe('templates: strict Handlebars', () => {
  const ack = { subject: 'Вх. № {{registryNumber}}', text: '{{greeting}}\nСрок: {{dueDate}}\n' };

  it('renders the variables given, without HTML escaping (the text is plain)', () => {
    const rendered = renderTemplate(ack, {
      registryNumber: 'PSH-2026-000001',
      greeting: 'Уважаеми/а „Иван & син“,',
      dueDate: '2 април 2026 г.',
    });
    expect(rendered).toEqual({ subject: 'Вх. № PSH-2026-000001', text: 'Уважаеми/а „Иван & син“,\nСрок: 2 април 2026 г.\n' });
  });

  it('a missing variable is an error naming it and where, never an empty gap', () => {
    expect(() => renderTemplate(ack, { registryNumber: 'PSH-2026-000001', greeting: 'Здравейте,' })).toThrow(TemplateRenderError);
    try {
      renderTemplate(ack, { registryNumber: 'PSH-2026-000001', greeting: 'Здравейте,' });
    } catch (error) {
      expect((error as TemplateRenderError).problems).toEqual([
        { field: 'text', variable: 'dueDate', reason: 'uses the variable "dueDate" (line 2, column 9), which this message does not have' },
      ]);
    }
  });

  it('a variable present as null is not missing: {{#if}} can test it', () => {
    const template = { subject: 's', text: '{{#if dueDate}}до {{dueDate}}{{else}}без срок{{/if}}' };
    expect(renderTemplate(template, { dueDate: null }).text).toBe('без срок\n');
  });

  it('the subject is one line, whatever the template does', () => {
    expect(renderTemplate({ subject: 'a\n  b', text: 't' }, {}).subject).toBe('a b');
  });

  it('no helpers beyond the built-in ones, no partials, no prototype access', () => {
    expect(() => renderTemplate({ subject: 's', text: '{{shout name}}' }, { name: 'x' })).toThrow(TemplateRenderError);
    expect(() => renderTemplate({ subject: 's', text: '{{> footer}}' }, {})).toThrow(TemplateRenderError);
    expect(() => renderTemplate({ subject: 's', text: '{{constructor.name}}' }, {})).toThrow(TemplateRenderError);
  });

  it('bad syntax is named as such', () => {
    const problems = (() => {
      try {
        renderTemplate({ subject: 's', text: '{{#if dueDate}}open' }, { dueDate: 'x' });
        return [];
      } catch (error) {
        return (error as TemplateRenderError).problems;
      }
    })();
    expect(problems).toEqual([{ field: 'text', reason: expect.stringMatching(/^is not a valid template: Parse error/) }]);
  });
});

describe('checking a template for a message', () => {
  it('names a variable the message does not have, even in a branch the samples do not take', () => {
    const template = { subject: 'Вх. № {{registryNumber}}', text: '{{greeting}}\n{{#if dueDate}}{{dueDate}}{{else}}{{nmae}}{{/if}}' };
    expect(templateProblems('acknowledgement', 'bg', template)).toEqual([
      { field: 'text', variable: 'nmae', reason: 'uses the variable "nmae" (line 2, column 37), which this message does not have' },
    ]);
  });

  it('an empty subject or text is a problem of that field', () => {
    expect(templateProblems('acknowledgement', 'en', { subject: ' ', text: '{{greeting}}' })).toEqual([
      { field: 'subject', reason: 'is empty' },
    ]);
  });

  it('inside #each the items are the context: only the outer names are checked', () => {
    expect(namedVariables('{{#each list}}{{this}} {{name}}{{/each}} {{registryNumber}}').map((v) => v.name)).toEqual([
      'list',
      'registryNumber',
    ]);
    expect(namedVariables('{{#if (lookup a b)}}{{c}}{{/if}}').map((v) => v.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('the default templates (data files)', () => {
  const defaults = loadDefaultTemplates();

  it.each(MESSAGE_IDS.flatMap((message) => LANGUAGES.map((language) => [message, language] as const)))(
    '%s (%s) exists, uses only its variables, and renders with the sample values',
    (message, language) => {
      const template = defaults[message][language];
      expect(templateProblems(message, language, template)).toEqual([]);
      const rendered = renderTemplate(template, sampleVariables(message, language));
      expect(rendered.subject.length).toBeGreaterThan(5);
      if (MESSAGES[message].audience === 'submitter') expect(rendered.text).toContain(String(sampleVariables(message, language).greeting));
    },
  );

  it('every sample has exactly the variables its message lists', () => {
    for (const message of MESSAGE_IDS) {
      for (const language of LANGUAGES)
        expect(Object.keys(sampleVariables(message, language)).sort()).toEqual(Object.keys(MESSAGES[message].variables).sort());
    }
  });

  it('say in Bulgarian and English what the charters promise: the number, the due date, the reasons and the new date', () => {
    const ack = renderTemplate(defaults.acknowledgement.bg, sampleVariables('acknowledgement', 'bg')).text;
    expect(ack).toContain('входящ № PSH-2026-000123');
    expect(ack).toContain('В срок до 2 април 2026 г. ще получите писмен отговор.');
    const extension = renderTemplate(defaults.extension.en, sampleVariables('extension', 'en')).text;
    expect(extension).toContain('Reasons for the extension: An on-site inspection with an outside contractor is needed.');
    expect(extension).toContain('New final date for our answer: 2 May 2026');
    // No doubled full stop after a Bulgarian date ("г.").
    for (const message of MESSAGE_IDS)
      expect(renderTemplate(defaults[message].bg, sampleVariables(message, 'bg')).text).not.toMatch(/г\.\./);
  });

  it('the acknowledgement gives the tracking code and the link with it; without a code (older cases) the plain link, never a gap', () => {
    for (const language of LANGUAGES) {
      const samples = sampleVariables('acknowledgement', language);
      const withCode = renderTemplate(defaults.acknowledgement[language], samples).text;
      expect(withCode).toContain(String(samples.trackingCode));
      expect(withCode).toContain(`/peshtera/cases/${String(samples.trackingCode)}\n`);

      const plain = 'http://127.0.0.1:3006/peshtera/track';
      const without = { ...samples, trackingCode: null, trackingLink: plain };
      expect(templateProblems('acknowledgement', language, defaults.acknowledgement[language], without)).toEqual([]);
      const text = renderTemplate(defaults.acknowledgement[language], without).text;
      expect(text).toContain(`${plain} `);
      expect(text).not.toContain(String(samples.trackingCode));
    }
  });

  it('a file without a Subject line is refused, naming it', () => {
    expect(() => parseTemplateFile('Hello {{greeting}}', 'x.bg.txt')).toThrow(DefaultTemplatesError);
    expect(parseTemplateFile('Subject: Тема\r\n\r\nТекст\r\n', 'x.bg.txt')).toEqual({ subject: 'Тема', text: 'Текст\n' });
  });
});
