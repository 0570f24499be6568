/**
 * The literal-text lint: finds user-visible text in a Svelte component that does not come from
 * the message catalogue. `literals.test.ts` runs it over every component in `src/`.
 *
 * It parses the component with Svelte's own compiler and reports:
 * - text nodes in markup that contain a letter (any script: `\p{L}`);
 * - the attributes people read (`title`, `aria-label`, `placeholder`, `alt`, `label`,
 *   `aria-description`, `aria-placeholder`) with literal text in them;
 * - string literals that an expression renders as-is (`{ok ? 'Done' : 'Failed'}`, also in
 *   those attributes): the branches of `?:`, `&&`/`||`/`??` and template strings. Strings
 *   passed to a function or compared (`x === 'all'`) are not text and are not reported.
 * Symbols and punctuation (`·`, `⋯`, `×`, `→`) have no letters and pass. Anything else that
 * must stay literal goes in `ALLOWED`, with the reason next to it.
 */
import { parse } from 'svelte/compiler';

export const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'aria-description', 'aria-placeholder', 'aria-roledescription']);

/** Literal text that is the same in every language. Keep it short. */
export const ALLOWED = new Set<string>([
  'Ctrl', // key caps: keyboards print them in Latin in both locales
  'K',
  'Esc',
  'F5',
  'Enter',
  'Ctrl P',
  '--waiter', // an aliyun CLI flag
  'BGP', // the API's ISP (line type) value, as an example
  'acs:ram::123456789012:role/admin', // the format of a RAM role ARN, as an example
  // Alibaba Cloud's own field names, shown verbatim next to their values
  'RequestId',
  'ClientToken',
  'InvokeId',
]);

export interface Literal {
  /** 1-based line in the component. */
  line: number;
  /** Where it is: `text`, `attribute title`, `expression`. */
  where: string;
  text: string;
}

const LETTER = /\p{L}/u;

type Node = { type?: string; [key: string]: unknown };

function lineOf(source: string, offset: unknown): number {
  if (typeof offset !== 'number') return 0;
  return source.slice(0, offset).split('\n').length;
}

function visible(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  // "· RequestId" is the allowed word after a separator.
  const core = t.replace(/^[^\p{L}\d-]+|[^\p{L}\d]+$/gu, '');
  if (!LETTER.test(t) || ALLOWED.has(t) || ALLOWED.has(core)) return undefined;
  return t;
}

/** String literals an expression renders as they are. */
function renderedStrings(expr: Node | null | undefined, out: { text: string; start: unknown }[]) {
  if (!expr) return;
  switch (expr.type) {
    case 'Literal':
      if (typeof expr.value === 'string') out.push({ text: expr.value, start: expr.start });
      break;
    case 'TemplateLiteral':
      for (const q of expr.quasis as Node[]) out.push({ text: String((q.value as { cooked?: string }).cooked ?? ''), start: q.start });
      for (const e of expr.expressions as Node[]) renderedStrings(e, out);
      break;
    case 'ConditionalExpression':
      renderedStrings(expr.consequent as Node, out);
      renderedStrings(expr.alternate as Node, out);
      break;
    case 'LogicalExpression':
      renderedStrings(expr.left as Node, out);
      renderedStrings(expr.right as Node, out);
      break;
    case 'BinaryExpression':
      if (expr.operator === '+') {
        renderedStrings(expr.left as Node, out);
        renderedStrings(expr.right as Node, out);
      }
      break;
  }
}

/** Every literal user-visible string in one component's markup. */
export function findLiterals(source: string, filename = 'Component.svelte'): Literal[] {
  const ast = parse(source, { modern: true, filename });
  const found: Literal[] = [];
  const report = (text: string, start: unknown, where: string) => {
    const t = visible(text);
    if (t) found.push({ line: lineOf(source, start), where, text: t });
  };
  const expression = (tag: Node, where: string) => {
    const strings: { text: string; start: unknown }[] = [];
    renderedStrings(tag.expression as Node, strings);
    for (const s of strings) report(s.text, s.start, where);
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    switch (n.type) {
      case 'Text':
        report(String(n.data), n.start, 'text');
        return;
      case 'ExpressionTag':
        expression(n, 'expression');
        return;
      case 'Attribute': {
        const name = String(n.name);
        if (!READ_ATTRIBUTES.has(name)) return;
        const values = Array.isArray(n.value) ? (n.value as Node[]) : typeof n.value === 'object' && n.value ? [n.value as Node] : [];
        for (const v of values) {
          if (v.type === 'Text') report(String(v.data), v.start, `attribute ${name}`);
          else if (v.type === 'ExpressionTag') expression(v, `attribute ${name}`);
        }
        return;
      }
      case 'StyleDirective':
      case 'ClassDirective':
      case 'BindDirective':
      case 'OnDirective':
      case 'SpreadAttribute':
        return;
    }
    for (const [key, value] of Object.entries(n)) {
      // Scripts, styles and the JS inside blocks (`{#if test}`) are not markup.
      if (key === 'instance' || key === 'module' || key === 'css' || key === 'options') continue;
      if (key === 'expression' || key === 'test' || key === 'context' || key === 'key' || key === 'index' || key === 'metadata') continue;
      if (value && typeof value === 'object') walk(value);
    }
  };
  walk(ast.fragment);
  return found;
}
