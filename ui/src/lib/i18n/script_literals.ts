/**
 * The script-side literal lint: finds English sentences in TypeScript (`.ts` modules and the
 * `<script>` blocks of components) that could reach the screen without the catalogue.
 * `script_literals.test.ts` runs it over `src/`. The markup lint (`literals.ts`) cannot see
 * them: a store that returns `'Nothing to undo.'` renders it through an expression that only
 * names a variable.
 *
 * The heuristic, on the TypeScript syntax tree: a string literal (or the text of a template
 * literal) is prose when it starts with a capital letter followed by a lower-case letter and
 * holds at least two words (`'Refresh failed'`, `` `Bound to ${id}` ``). Codes, IDs, CSS,
 * test IDs and API values have no such shape. Not reported, because they never reach the
 * screen: module specifiers, property names and type positions, the arguments of `console.*`
 * (log text) and of `new Error(…)` (developer errors; an app error type such as `BackendError` is
 * shown, so its text counts), and strings compared (`x === 'In use'`).
 * Anything else that must stay literal goes in `SCRIPT_ALLOWED` with its reason.
 */
import ts from 'typescript';

/** Prose that is the same in every language, or never shown. Keep it short. */
export const SCRIPT_ALLOWED = new Set<string>([
  'Ctrl K', // a key cap: keyboards print it in Latin in both locales
]);

export interface ScriptLiteral {
  /** 1-based line in the file. */
  line: number;
  text: string;
}

const PROSE = /^\p{Lu}\p{Ll}+[\s\S]*\s+\S*\p{L}/u;

function silent(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isLiteralTypeNode(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return true;
  }
  if (ts.isCaseClause(parent) && parent.expression === node) return true;
  // Inside console.*(…) or new Error(…), however deep (a template inside the call).
  for (let p: ts.Node | undefined = parent; p; p = p.parent) {
    if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression) && ts.isIdentifier(p.expression.expression) && p.expression.expression.text === 'console') return true;
    if (ts.isNewExpression(p) && ts.isIdentifier(p.expression) && /^(Error|TypeError|RangeError)$/.test(p.expression.text)) return true;
    if (ts.isFunctionLike(p) || ts.isSourceFile(p)) break;
  }
  return false;
}

/** The prose literals of TypeScript `code`; `offsetLine` shifts line numbers (a `<script>` block). */
export function findScriptLiterals(code: string, offsetLine = 0): ScriptLiteral[] {
  const file = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ScriptLiteral[] = [];
  const report = (node: ts.Node, raw: string) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!PROSE.test(text) || SCRIPT_ALLOWED.has(text) || silent(node)) return;
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 + offsetLine, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
      report(node, parts);
      node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The prose literals of a component's `<script>` blocks. */
export function findComponentScriptLiterals(source: string): ScriptLiteral[] {
  const found: ScriptLiteral[] = [];
  for (const match of source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = match.index + match[0].indexOf('>') + 1;
    const offset = source.slice(0, start).split('\n').length - 1;
    found.push(...findScriptLiterals(match[1] ?? '', offset));
  }
  return found;
}
