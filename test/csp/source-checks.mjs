// Static checks for the strict CSP: code that a policy without 'unsafe-eval' refuses (eval, the
// Function constructor, string timers) and `style` attributes written in Lit templates, which a
// policy without 'unsafe-inline' in style-src refuses (looks come from css`` and CSS properties).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import ts from 'typescript';

/** Every file under `dir` whose name ends with one of `endings`, recursively. */
export async function filesUnder(dir, endings) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && endings.some((ending) => e.name.endsWith(ending)))
    .map((e) => join(e.parentPath, e.name));
}

const EVAL_LIKE = [
  { name: 'eval(', pattern: /(?<![\w$.])eval\s*\(/ },
  { name: 'new Function(', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'Function(...)(', pattern: /(?<![\w$.])Function\s*\([^)]*\)\s*\(/ },
  { name: 'a string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/ },
];

/** The eval-like constructs in a piece of (built) JavaScript, with a little context each. */
export function findEvalLike(code) {
  const found = [];
  for (const { name, pattern } of EVAL_LIKE) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of code.matchAll(global)) {
      found.push(`${name} at ${match.index}: ${code.slice(Math.max(0, match.index - 40), match.index + 40)}`);
    }
  }
  return found;
}

const STYLE_ATTRIBUTE = /(?:^|[\s"'])style\s*=/gi;
const TEMPLATE_TAGS = new Set(['html', 'svg', 'staticHtml', 'mathml']);

/** `style=${styleMap(...)}`: Lit's directive writes through the CSSOM, which the policy allows. */
function isStyleMapBinding(text, end, expression, file) {
  if (!expression || !/^\s*["']?$/.test(text.slice(end))) return false;
  return (
    ts.isCallExpression(expression) && expression.expression.getText(file).split('.').pop() === 'styleMap'
  );
}

/**
 * `style=` attributes in the static parts of Lit templates (html``, svg``) of a TypeScript source,
 * each as "line: text". Bindings (`style=${...}`) are attributes too and count, except a binding to
 * `styleMap`, which sets each property through the CSSOM instead of writing the attribute.
 */
export function findTemplateStyleAttributes(fileName, source) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = node.tag.getText(file).split('.').pop();
      if (TEMPLATE_TAGS.has(tag)) {
        const template = node.template;
        const spans = ts.isNoSubstitutionTemplateLiteral(template) ? [] : template.templateSpans;
        const parts = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...spans.map((span) => span.literal)];
        parts.forEach((part, i) => {
          for (const match of part.text.matchAll(STYLE_ATTRIBUTE)) {
            if (isStyleMapBinding(part.text, match.index + match[0].length, spans[i]?.expression, file))
              continue;
            const { line } = file.getLineAndCharacterOfPosition(part.getStart(file));
            found.push(`${fileName}:${line + 1}: ${part.text.trim().slice(0, 80)}`);
          }
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `findTemplateStyleAttributes` over every .ts file under `dir`. */
export async function templateStyleAttributesUnder(dir) {
  const found = [];
  for (const file of await filesUnder(dir, ['.ts'])) {
    const source = await readFile(file, 'utf8');
    // Parsing is the slow part: only files that write `style=` somewhere can have one in a template.
    if (/style\s*=/i.test(source)) found.push(...findTemplateStyleAttributes(file, source));
  }
  return found;
}
