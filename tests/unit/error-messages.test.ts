import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SLOT_WORDS_ES, MESSAGES_ES, translateEnvelopeError, translateMessage } from '../../renderer/src/i18n/messages';

/**
 * Every English message the core, the shared rules or the bridges can put on a screen must
 * have a Spanish entry in renderer/src/i18n/messages.ts. The messages are found in the source
 * with the TypeScript compiler API, not listed by hand, so a new message without a translation
 * fails here.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Where messages come from: the core, the Electron main and preload, the shared rules, the browser's bridge. */
const SOURCES = [...walk('electron'), ...walk('shared'), 'renderer/src/lib/web-bridge.ts'];

/** Zod calls whose string arguments (or `{ message | error }` options) are messages. */
const ZOD_MESSAGE_CALLS = new Set([
  'string', 'number', 'boolean', 'date', 'enum', 'array', 'object', 'literal', 'union',
  'min', 'max', 'length', 'regex', 'refine', 'email', 'url', 'uuid', 'int', 'positive', 'negative',
  'nonnegative', 'nonpositive', 'nonempty', 'gt', 'gte', 'lt', 'lte', 'multipleOf', 'startsWith', 'endsWith', 'includes',
]);
/** …whose first argument is a value, not a message (`z.enum(list, msg)`, `.startsWith('IT-', msg)`, `list.includes(x)`). */
const VALUE_FIRST = new Set(['enum', 'array', 'object', 'literal', 'union', 'startsWith', 'endsWith', 'includes']);

/** A message as written: literal text and dynamic parts; a dynamic part may come from a fixed word list. */
type Part = string | { words: string[] | null };
type Variant = Part[];

interface Extracted {
  /** English with `{0}`, `{1}`… for the dynamic parts, as the catalog writes it. */
  english: string;
  /** For placeholders filled from a word table in the source: the English words. */
  words: Map<number, string[]>;
  where: string;
}

const cross = (a: Variant[], b: Variant[]): Variant[] => a.flatMap((x) => b.map((y) => [...x, ...y]));

/** The `const` of this name visible from `node` (block by block outwards), if it has an initializer. */
function resolveConst(node: ts.Node, name: string): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const st of scope.statements) {
      if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
    }
  }
  return undefined;
}

/** The string values of an object-literal `const` (a word table such as STATUS_WORDS), or null. */
function wordTable(node: ts.Expression): string[] | null {
  let e = node;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  if (!ts.isElementAccessExpression(e) || !ts.isIdentifier(e.expression)) return null;
  let init = resolveConst(e, e.expression.text);
  while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
  if (!init || !ts.isObjectLiteralExpression(init)) return null;
  const words = init.properties.flatMap((p) => (ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer) ? [p.initializer.text] : []));
  return words.length ? [...new Set(words)] : null;
}

/** Every form the expression's text can take: conditionals and resolvable constants expanded. */
function variants(expr: ts.Expression, depth = 0): Variant[] {
  if (depth > 8) return [[{ words: null }]];
  if (ts.isStringLiteralLike(expr)) return [[expr.text]];
  if (ts.isParenthesizedExpression(expr)) return variants(expr.expression, depth + 1);
  if (ts.isConditionalExpression(expr)) return [...variants(expr.whenTrue, depth + 1), ...variants(expr.whenFalse, depth + 1)];
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) return cross(variants(expr.left, depth + 1), variants(expr.right, depth + 1));
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return [[{ words: wordTable(expr.left) }]];
  if (ts.isTemplateExpression(expr)) {
    let out: Variant[] = [[expr.head.text]];
    for (const span of expr.templateSpans) out = cross(cross(out, variants(span.expression, depth + 1)), [[span.literal.text]]);
    return out;
  }
  if (ts.isIdentifier(expr)) {
    const init = resolveConst(expr, expr.text);
    if (init) return variants(init, depth + 1);
  }
  return [[{ words: wordTable(expr) }]];
}

function render(v: Variant): { english: string; words: Map<number, string[]> } | null {
  let english = '';
  let n = 0;
  const words = new Map<number, string[]>();
  for (const p of v) {
    if (typeof p === 'string') english += p.replace(/[{}]/g, (c) => c + c);
    else {
      if (p.words) words.set(n, p.words);
      english += `{${n++}}`;
    }
  }
  // Only dynamic parts (a message passed through, like `issue.message`): nothing to translate here.
  return english.replace(/\{\d+\}/g, '').trim() ? { english, words } : null;
}

function extract(): Extracted[] {
  const found: Extracted[] = [];
  for (const file of SOURCES) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const add = (expr: ts.Expression | undefined) => {
      if (!expr) return;
      for (const v of variants(expr)) {
        const r = render(v);
        if (r) found.push({ ...r, where: `${relative(ROOT, join(ROOT, file))}:${sf.getLineAndCharacterOfPosition(expr.getStart()).line + 1}` });
      }
    };
    const addMessageArgs = (args: ts.NodeArray<ts.Expression> | undefined) => {
      if (!args) return;
      add(args[1]);
      const fields = args[2];
      if (fields && ts.isObjectLiteralExpression(fields)) for (const p of fields.properties) if (ts.isPropertyAssignment(p)) add(p.initializer);
    };
    const visit = (node: ts.Node): void => {
      // new AppError(code, message, { field: message })
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError') addMessageArgs(node.arguments);
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        // fail(code, message, fields): the core's and Electron main's envelopes
        if (ts.isIdentifier(callee) && callee.text === 'fail') addMessageArgs(node.arguments);
        // zod: .min(1, 'msg'), .regex(re, 'msg'), .refine(fn, 'msg' | { message }), z.enum(list, 'msg'), z.string({ error })
        if (ts.isPropertyAccessExpression(callee) && ZOD_MESSAGE_CALLS.has(callee.name.text)) {
          node.arguments.forEach((arg, i) => {
            if (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg)) {
              if (i > 0 || !VALUE_FIRST.has(callee.name.text)) add(arg);
            }
          });
        }
      }
      // { message: '…' } / { error: '…' }: zod options, and error bodies built by hand ({ code, message })
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'message' || node.name.text === 'error')) {
        if (ts.isStringLiteralLike(node.initializer) || ts.isTemplateExpression(node.initializer)) add(node.initializer);
      }
      // fields[key] ??= 'This field is required'
      if (ts.isBinaryExpression(node) && ts.isElementAccessExpression(node.left) && ts.isIdentifier(node.left.expression) && node.left.expression.text === 'fields') {
        if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionEqualsToken) add(node.right);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

describe('Spanish for every message that can reach the screen', () => {
  const found = extract();
  const unique = new Map<string, Extracted[]>();
  for (const f of found) unique.set(f.english, [...(unique.get(f.english) ?? []), f]);

  it('finds the messages in the source (the scan is not silently empty)', () => {
    expect(unique.size).toBeGreaterThan(60);
    // A few that must be among them, from each kind of source.
    for (const m of ['Wrong email or PIN.', 'PIN is 4 to 8 digits', '{0} is already inactive.', 'Please sign in.', 'This field is required', 'Choose two different people', 'Choose low, normal or high', 'Lost the connection to the station. Please try again.']) {
      expect(unique.has(m), m).toBe(true);
    }
  });

  it('has a Spanish entry, with the same placeholders, for each of them', () => {
    const missing = [...unique.entries()].filter(([english]) => !(english in MESSAGES_ES)).map(([english, at]) => `${english}  (${at[0].where})`);
    expect(missing, `no Spanish for:\n${missing.join('\n')}`).toEqual([]);
    for (const english of unique.keys()) {
      const spanish = MESSAGES_ES[english];
      expect(spanish.trim(), english).not.toBe('');
      expect(placeholders(spanish), english).toEqual(placeholders(english));
    }
  });

  it('has Spanish for every word a placeholder takes from a fixed word table', () => {
    for (const [english, at] of unique) {
      for (const { words } of at) {
        for (const [slot, list] of words) {
          const table = SLOT_WORDS_ES[english]?.[slot] ?? {};
          const untranslated = list.filter((w) => !(w in table));
          expect(untranslated, `${english} {${slot}} (${at[0].where})`).toEqual([]);
        }
      }
    }
  });

  it('every catalog entry is well formed', () => {
    for (const [english, spanish] of Object.entries(MESSAGES_ES)) {
      expect(spanish.trim(), english).not.toBe('');
      expect(placeholders(spanish), english).toEqual(placeholders(english));
    }
    for (const [english, slots] of Object.entries(SLOT_WORDS_ES)) {
      expect(MESSAGES_ES[english], english).toBeDefined();
      for (const slot of Object.keys(slots)) expect(placeholders(english), english).toContain(Number(slot));
    }
  });
});

describe('translateMessage', () => {
  it('translates an exact message', () => {
    expect(translateMessage('Wrong email or PIN.', 'es')).toBe(MESSAGES_ES['Wrong email or PIN.']);
    expect(translateMessage('PIN is 4 to 8 digits', 'es-ES')).toBe(MESSAGES_ES['PIN is 4 to 8 digits']);
  });

  it('translates a pattern, keeping a name with accents and spaces as it is', () => {
    expect(translateMessage('María José Núñez is already inactive.', 'es')).toBe(MESSAGES_ES['{0} is already inactive.'].replace('{0}', 'María José Núñez'));
    expect(translateMessage('Too many failed attempts. Try again in 12 minutes.', 'es')).toBe(MESSAGES_ES['Too many failed attempts. Try again in {0} minutes.'].replace('{0}', '12'));
    expect(translateMessage('Taladro de mano is already out with Ana Peña Ibáñez: only one approved request per item. Deny this one, or approve it after the item is back.', 'es')).toBe(
      MESSAGES_ES['{0} is already out with {1}: only one approved request per item. Deny this one, or approve it after the item is back.'].replace('{0}', 'Taladro de mano').replace('{1}', 'Ana Peña Ibáñez'),
    );
  });

  it('translates the words a placeholder takes from a fixed table', () => {
    const key = 'This borrow request is {0}: it cannot be {1}.';
    const words = SLOT_WORDS_ES[key];
    expect(translateMessage('This borrow request is waiting for a decision: it cannot be checked out.', 'es')).toBe(
      MESSAGES_ES[key].replace('{0}', words[0]['waiting for a decision']).replace('{1}', words[1]['checked out']),
    );
    const spanish = translateMessage('Only a draft can be edited; this one is submitted and waiting for a decision.', 'es');
    expect(spanish).not.toMatch(/draft|submitted|waiting/);
    // An item whose name contains " is " is still read correctly: the status words are a closed list.
    expect(translateMessage('This is it is checked out: it cannot be withdrawn now.', 'es')).toContain('This is it');
    expect(translateMessage('This is it is checked out: it cannot be withdrawn now.', 'es')).not.toMatch(/checked out|withdrawn/);
  });

  it('prefers an exact entry over a pattern', () => {
    expect(translateMessage('Your account is no longer on record and cannot borrow.', 'es')).toBe(MESSAGES_ES['Your account is no longer on record and cannot borrow.']);
    expect(translateMessage('The owner does not exist.', 'es')).toBe(MESSAGES_ES['The owner does not exist.']);
  });

  it('passes an unknown message through unchanged', () => {
    expect(translateMessage('Something nobody wrote a translation for.', 'es')).toBe('Something nobody wrote a translation for.');
    expect(translateMessage('', 'es')).toBe('');
  });

  it('leaves English (and any other language) as it is', () => {
    expect(translateMessage('Wrong email or PIN.', 'en')).toBe('Wrong email or PIN.');
    expect(translateMessage('Ana is already inactive.', 'en-GB')).toBe('Ana is already inactive.');
    expect(translateMessage('Wrong email or PIN.', 'fr')).toBe('Wrong email or PIN.');
  });

  it('translates an envelope error: its message and every field message', () => {
    const body = { code: 'VALIDATION' as const, message: 'Some fields need attention.', fields: { name: 'Name is required', pin: 'PIN is 4 to 8 digits', other: 'Not in the catalog' } };
    expect(translateEnvelopeError(body, 'es')).toEqual({
      code: 'VALIDATION',
      message: MESSAGES_ES['Some fields need attention.'],
      fields: { name: MESSAGES_ES['Name is required'], pin: MESSAGES_ES['PIN is 4 to 8 digits'], other: 'Not in the catalog' },
    });
    expect(translateEnvelopeError(body, 'en')).toBe(body);
    expect(translateEnvelopeError({ code: 'FORBIDDEN', message: 'Please sign in.' }, 'es')).toEqual({ code: 'FORBIDDEN', message: MESSAGES_ES['Please sign in.'] });
  });
});
