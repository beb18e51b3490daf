import Handlebars from 'handlebars';
import { TEMPLATE_HELPERS } from '../../../../shared/domain/mail-templates';

type Node = hbs.AST.Node;
type Shape = unknown;

/** One scope a path can resolve against: the data shape there, and whether `@index` exists. */
interface Scope {
  shape: Shape;
  inEach: boolean;
}

const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const VALUE_HELPERS = new Set<string>(TEMPLATE_HELPERS.filter((h) => !BLOCK_HELPERS.has(h)));
const EACH_DATA = new Set(['index', 'first', 'last', 'key']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks every placeholder of a template against the data its template is rendered with (`sample`),
 * without rendering it: a misspelt `{{person.fristName}}` would otherwise just print nothing.
 * Returns sentences naming each problem and its line; none means the template is safe to save.
 */
export function checkTemplate(source: string, sample: Record<string, unknown>, options: { html: boolean }): string[] {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    const first = String((error as Error).message).split('\n')[0];
    return [`The template cannot be read: ${first}. Check that every {{ has its }} and every {{#if}} its {{/if}}.`];
  }
  const problems: string[] = [];
  const report = (node: Node, message: string) => problems.push(`Line ${node.loc?.start.line ?? '?'}: ${message}`);
  walkProgram(program, [{ shape: sample, inEach: false }], { report, html: options.html });
  return [...new Set(problems)];
}

interface Walk {
  report(node: Node, message: string): void;
  html: boolean;
}

function walkProgram(program: hbs.AST.Program | undefined, scopes: Scope[], walk: Walk): void {
  for (const statement of program?.body ?? []) walkStatement(statement, scopes, walk);
}

function walkStatement(node: hbs.AST.Statement, scopes: Scope[], walk: Walk): void {
  switch ((node as { type: string }).type) {
    case 'MustacheStatement':
      return walkMustache(node as hbs.AST.MustacheStatement, scopes, walk);
    case 'BlockStatement':
      return walkBlock(node as hbs.AST.BlockStatement, scopes, walk);
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    default:
      walk.report(node, 'partials and decorators ({{> …}}, {{* …}}) are not available in mail templates.');
  }
}

function walkMustache(node: hbs.AST.MustacheStatement, scopes: Scope[], walk: Walk): void {
  if (!node.escaped && walk.html) {
    walk.report(node, `use {{…}} rather than {{{…}}} so names and other data cannot add HTML to the message.`);
  }
  walkCall(node, node.path, node.params, node.hash, scopes, walk);
}

function walkCall(node: Node, path: hbs.AST.Expression, params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined, scopes: Scope[], walk: Walk): void {
  const name = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : '';
  if (params.length > 0 || hash?.pairs.length) {
    if (!VALUE_HELPERS.has(name)) walk.report(node, `"${name}" is not a helper mail templates know (use: ${[...VALUE_HELPERS].join(', ')}).`);
    for (const param of params) walkExpression(param, scopes, walk);
    return;
  }
  walkExpression(path, scopes, walk);
}

function walkExpression(expr: hbs.AST.Expression, scopes: Scope[], walk: Walk): void {
  if (expr.type === 'SubExpression') {
    const sub = expr as hbs.AST.SubExpression;
    return walkCall(sub, sub.path, sub.params, sub.hash, scopes, walk);
  }
  if (expr.type === 'PathExpression') resolvePath(expr as hbs.AST.PathExpression, scopes, walk);
}

function walkBlock(node: hbs.AST.BlockStatement, scopes: Scope[], walk: Walk): void {
  const helper = (node.path as hbs.AST.PathExpression).original;
  if (!BLOCK_HELPERS.has(helper) || node.params.length !== 1) {
    walk.report(node, `{{#${helper}}} is not available: blocks are {{#if x}}, {{#unless x}}, {{#each list}} and {{#with x}}.`);
    return;
  }
  const param = node.params[0] as hbs.AST.Expression;
  let shape: Shape | undefined;
  if (param.type === 'PathExpression') shape = resolvePath(param as hbs.AST.PathExpression, scopes, walk);
  else walkExpression(param, scopes, walk);
  let inner = scopes;
  if (helper === 'each' && Array.isArray(shape)) inner = [...scopes, { shape: shape[0], inEach: true }];
  else if (helper === 'each' && shape !== undefined) walk.report(node, `{{#each}} needs a list; ${(param as hbs.AST.PathExpression).original} is not one.`);
  else if (helper === 'with' && shape !== undefined) inner = [...scopes, { shape, inEach: false }];
  walkProgram(node.program, inner, walk);
  walkProgram(node.inverse, scopes, walk);
}

/** The shape a path points to, or undefined (and a reported problem) when the data has no such thing. */
function resolvePath(path: hbs.AST.PathExpression, scopes: Scope[], walk: Walk): Shape | undefined {
  const scope = scopes[scopes.length - 1 - path.depth];
  if (!scope) {
    walk.report(path, `{{${path.original}}} goes up more levels (../) than the template has.`);
    return undefined;
  }
  if (path.data) {
    const name = path.parts[0] ?? '';
    if (scope.inEach && EACH_DATA.has(name)) return 0;
    walk.report(path, `{{${path.original}}} can only be used inside {{#each}}.`);
    return undefined;
  }
  let shape: Shape = scope.shape;
  for (const [i, part] of path.parts.entries()) {
    if (Array.isArray(shape)) {
      const list = path.parts.slice(0, i).join('.');
      walk.report(path, `{{${path.original}}}: ${list} is a list; write {{#each ${list}}}…{{${path.parts.slice(i).join('.')}}}…{{/each}}.`);
      return undefined;
    }
    if (!isObject(shape) || !Object.prototype.hasOwnProperty.call(shape, part)) {
      walk.report(path, `{{${path.original}}} is not a known placeholder here.`);
      return undefined;
    }
    shape = shape[part];
  }
  return shape;
}
