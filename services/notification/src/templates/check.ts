import Handlebars from 'handlebars';
import type { Language } from '@civic/domain';
import { MESSAGES, sampleVariables, type MessageId } from '../messages/catalog';
import { renderTemplate, TemplateRenderError, type TemplateField, type TemplateProblem, type TemplateText } from './render';

type Node = hbs.AST.Node;

const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);
/** Blocks that change the context: what is inside refers to the items, so it is checked when rendered. */
const CONTEXT_CHANGING = new Set(['each', 'with']);

/**
 * Every variable a template names in the message's own context, in every branch (a render with samples
 * only sees the branches the samples take: `{{#if dueDate}}{{typo}}{{/if}}` would slip through).
 */
export function namedVariables(source: string): { name: string; line: number; column: number }[] {
  const found: { name: string; line: number; column: number }[] = [];
  const path = (node: hbs.AST.PathExpression) => {
    // `@index`, `this` and `../x` are about a block's own context; only plain names are the message's.
    if (node.data || node.depth > 0 || node.parts.length === 0) return;
    found.push({ name: node.parts[0], line: node.loc.start.line, column: node.loc.start.column + 1 });
  };
  const expression = (node: hbs.AST.Expression) => {
    if (node.type === 'PathExpression') path(node as hbs.AST.PathExpression);
    if (node.type === 'SubExpression') call(node as hbs.AST.SubExpression);
  };
  const call = (node: { path: hbs.AST.PathExpression | hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }) => {
    const helper = node.path.type === 'PathExpression' && BUILT_IN_HELPERS.has((node.path as hbs.AST.PathExpression).original);
    if (!helper || node.params.length === 0) expression(node.path);
    node.params.forEach(expression);
    node.hash?.pairs.forEach((pair) => expression(pair.value));
  };
  const visit = (node: Node | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        return;
      case 'MustacheStatement':
        call(node as hbs.AST.MustacheStatement);
        return;
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        call(block);
        const name = block.path.type === 'PathExpression' ? (block.path as hbs.AST.PathExpression).original : '';
        if (!CONTEXT_CHANGING.has(name)) visit(block.program);
        visit(block.inverse);
        return;
      }
      default:
        return;
    }
  };
  visit(Handlebars.parse(source));
  return found;
}

/**
 * Everything wrong with a template for a message: syntax, variables the message does not have (in any
 * branch), and whatever a render with the message's sample values trips over. Empty: it is fine.
 */
export function templateProblems(
  message: MessageId,
  language: Language,
  template: TemplateText,
  variables = sampleVariables(message, language),
): TemplateProblem[] {
  const known = new Set(Object.keys(MESSAGES[message].variables));
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'text'] as TemplateField[]) {
    if (template[field].trim() === '') {
      problems.push({ field, reason: 'is empty' });
      continue;
    }
    let named: ReturnType<typeof namedVariables>;
    try {
      named = namedVariables(template[field]);
    } catch {
      continue; // the render below names the syntax error
    }
    const reported = new Set<string>();
    for (const { name, line, column } of named) {
      if (known.has(name) || reported.has(name)) continue;
      reported.add(name);
      problems.push({
        field,
        variable: name,
        reason: `uses the variable "${name}" (line ${line}, column ${column}), which this message does not have`,
      });
    }
  }
  if (problems.length > 0) return problems;
  try {
    renderTemplate(template, variables);
  } catch (error) {
    if (error instanceof TemplateRenderError) return error.problems;
    throw error;
  }
  return [];
}
