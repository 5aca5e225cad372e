/**
 * Every regular expression used by the document model and the rules must run in linear time on
 * adversarial input, so a pathological answer cannot stall a pre-commit hook.
 *
 * 1. The document model and each rule run over ~100,000-character strings made of the characters
 *    and fragments their patterns use. Each rule must finish within 2 s; the document model (which
 *    includes the Markdown parser) within 15 s, and four times the input may cost at most 10x the
 *    time (linear is 4x, quadratic 16x; the margin absorbs garbage-collection noise).
 * 2. Every RegExp literal in src/ and rules/ (found with the TypeScript parser) runs directly over
 *    20,000-character adversarial strings; a full global scan (every exec from the start to the end)
 *    may not take 250 ms.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { resolveConfig } from '../src/config/resolve.js';
import { Document } from '../src/document/document.js';
import { lintDocument } from '../src/engine/lint.js';
import type { ResolvedConfig } from '../src/engine/types.js';
import { ROOT } from './helpers.js';

const repeatTo = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Pathological answers: each is `build(n)`, about n characters. */
const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'digits with commas': (n) => repeatTo('1,', n),
  'decimal points': (n) => repeatTo('0.', n),
  'dotted numbers': (n) => repeatTo('1.2.', n),
  'spaced digits': (n) => repeatTo('1 ', n),
  'a run of a': (n) => repeatTo('a', n),
  'words of a': (n) => repeatTo('a ', n),
  'spaces then a letter': (n) => `${' '.repeat(n)}a`,
  'angle pairs': (n) => repeatTo('<a>', n),
  'open angles': (n) => repeatTo('<a', n),
  'brackets never closed': (n) => repeatTo('[', n),
  'bracketed words never closed': (n) => repeatTo('[a ', n),
  'placeholders': (n) => repeatTo('[metric] ', n),
  'closing brackets': (n) => repeatTo('a] ', n),
  'a mermaid line of shapes never closed': (n) => `\`\`\`mermaid\ngraph LR\n${repeatTo('A[x -->|', n)}\n\`\`\``,
  'a mermaid line of arrows and words': (n) => `\`\`\`mermaid\ngraph LR\n${repeatTo('a-->b--- ', n)}\n\`\`\``,
  'closing brackets after an image label': (n) => `![a]\n${repeatTo('a] ', n)}`,
  'footnote definition and closing brackets': (n) => `[^1]: a\n\n${repeatTo('a] ', n)}`,
  'p99 repeated': (n) => repeatTo('p99 ', n),
  '"1 in" repeated': (n) => repeatTo('1 in ', n),
  'long hyphenated word': (n) => repeatTo('aaaa-', n),
  'one long word ending in s': (n) => `${'a'.repeat(n - 1)}s`,
  'plural words': (n) => repeatTo('users ', n),
  'backticks': (n) => repeatTo('`', n),
  'code spans': (n) => repeatTo('`a` ', n),
  'pipes': (n) => repeatTo('|', n),
  'table cells': (n) => repeatTo('| a ', n),
  'hashes': (n) => repeatTo('#', n),
  'stars': (n) => repeatTo('*', n),
  'emphasis never closed': (n) => repeatTo('*a ', n),
  'emphasis pairs': (n) => repeatTo('_a_ ', n),
  'alternating emphasis markers': (n) => repeatTo('*_', n),
  'nested bullets': (n) => repeatTo('- a\n  - b\n', n),
  'one-word lines': (n) => repeatTo('a\n', n),
  'hard line breaks': (n) => repeatTo('a  \n', n),
  'URL without spaces': (n) => `http://${repeatTo('a/', n)}`,
  'www without spaces': (n) => `www.${repeatTo('a.', n)}`,
  'emoji': (n) => repeatTo('😀', n),
  'ZWJ emoji': (n) => repeatTo('👩‍💻 ', n),
  '" of " repeated': (n) => repeatTo(' of ', n),
  'latencies': (n) => repeatTo('100 ms ', n),
  'units without spaces': (n) => repeatTo('10ms', n),
  'money without spaces': (n) => repeatTo('$1', n),
  'percentages': (n) => repeatTo('5% ', n),
  'abbreviations': (n) => repeatTo('e.g. ', n),
  'dots': (n) => repeatTo('.', n),
  'question marks': (n) => repeatTo('?', n),
  'colons': (n) => repeatTo(': ', n),
  'monitoring phrase': (n) => repeatTo('monitor the model performance ', n),
  'underscores': (n) => repeatTo('_a', n),
  'HTML comment never closed': (n) => `<!--${repeatTo('a', n)}`,
  'scale figures': (n) => repeatTo('1.5M users ', n),
  'ranges': (n) => repeatTo('1-2 ', n),
  'thresholds': (n) => repeatTo('AUC < 0.8 ', n),
};

const N = 100_000;
const RULE_BOUND_MS = 2_000;
const DOCUMENT_BOUND_MS = 15_000;
const config = resolveConfig(undefined, { rules: builtinRules });

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

describe('the document model and every rule are linear on pathological answers', () => {
  it(`covers all ${builtinRules.length} built-in rules`, () => {
    expect([...config.rules.keys()].sort()).toEqual(builtinRules.map((r) => r.id).sort());
  });

  for (const [name, build] of Object.entries(PATHOLOGICAL)) {
    it(name, () => {
      const quarter = build(N / 4);
      const full = build(N);
      new Document(build(1000)); // warm up
      const [, quarterMs] = timed(() => new Document(quarter));
      const [doc, fullMs] = timed(() => new Document(full));
      expect(fullMs, `document model on ${full.length} characters`).toBeLessThan(DOCUMENT_BOUND_MS);
      // Below a second, timer noise, JIT and GC dominate the ratio; a quadratic pattern is far above it.
      if (fullMs > 1000) expect(fullMs / Math.max(quarterMs, 1), `document model: ${quarterMs.toFixed(0)} ms for a quarter, ${fullMs.toFixed(0)} ms for all`).toBeLessThan(10);
      for (const [id, rule] of config.rules) {
        const one: ResolvedConfig = { rules: new Map([[id, rule]]), settings: config.settings, ...(config.components ? { components: config.components } : {}) };
        const [, ms] = timed(() => lintDocument(doc, one, 'pathological.md'));
        expect(ms, `rule ${id} on ${name}`).toBeLessThan(RULE_BOUND_MS);
      }
    }, 60_000);
  }
});

// ---------- every RegExp literal, run directly ----------

interface Literal {
  file: string;
  line: number;
  source: string;
  regex: RegExp;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function regexLiterals(): Literal[] {
  const found: Literal[] = [];
  for (const file of [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'rules'))]) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const slash = literal.lastIndexOf('/');
        const body = literal.slice(1, slash);
        const flags = literal.slice(slash + 1).replace(/[gy]/g, '');
        found.push({
          file: path.relative(ROOT, file),
          line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
          source: literal,
          regex: new RegExp(body, flags),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

const ADVERSARIAL_UNITS = ['a', 'a ', '1,', '0.', ' of ', '<a', 'aaaa-', ' ', '1', '1 ', 'p99 ', '1 in ', '[', '[a', '`', '|', '#', '*', '-', '.', ':', '\n', 'A', 'aS', 'e.g. ', '$1', '10ms ', '😀', 'http://a', '_', 'the '];
const ADVERSARIAL = ADVERSARIAL_UNITS.flatMap((unit) => {
  const body = repeatTo(unit, 20_000);
  // A character no pattern expects at the end forces every failing path to be explored.
  return [body, `${body}\u0000`];
});
const EXEC_BOUND_MS = 250;

/**
 * Literals known to be super-linear on these strings, each with why it is tolerated for now. Keyed
 * by file and pattern (not line), so any new slow pattern, or a change to one of these, is tested;
 * drop an entry once its pattern is fixed.
 */
const KNOWN_SLOW: Record<string, string> = {
  'src/cli/cli.ts /\\s*\\n\\s*/g': 'one-line error messages only (short); fix: /(?<!\\s)\\s*\\n\\s*/g (file owned by the CLI work)',
  'src/cli/commands.ts /\\s*\\n\\s*/g': 'one-line error messages only (short); fix: /(?<!\\s)\\s*\\n\\s*/g (file owned by the CLI work)',
  'src/config/load.ts /\\s*(?:in JSON )?at position \\d+(?: \\(line \\d+ column \\d+\\))?/': 'JSON.parse error messages only (short); owned by the configuration work',
  'src/analysis/vocabulary/metrics.ts MEASURABLE_METRIC':
    'runs over one sentence at a time (at most a few thousand characters once segmented in windows): 20 ms per 4,096 characters, linear per document (see the rules test above); [\\w-]+ before " rate"/" per" rescans a hyphenated run from each word in it',
};
const knownSlowKey = (literal: Literal): string => (literal.source.includes('(?!learning |sampling ') ? `${literal.file} MEASURABLE_METRIC` : `${literal.file} ${literal.source}`);

describe('every RegExp literal in src/ and rules/ is linear', () => {
  const literals = regexLiterals();

  it('finds the literals', () => {
    expect(literals.length).toBeGreaterThan(100);
    expect(new Set(literals.map((l) => l.file.split(path.sep)[0]))).toEqual(new Set(['src', 'rules']));
  });

  it('no global scan over a 20,000-character adversarial string takes 250 ms', () => {
    const slow: string[] = [];
    for (const literal of literals) {
      if (KNOWN_SLOW[knownSlowKey(literal)]) continue;
      const global = new RegExp(literal.regex.source, `${literal.regex.flags}g`);
      for (const input of ADVERSARIAL) {
        global.lastIndex = 0;
        const [, ms] = timed(() => {
          let count = 0;
          for (let m = global.exec(input); m && count < 100_000; m = global.exec(input), count++) if (m[0] === '') global.lastIndex++;
        });
        if (ms > EXEC_BOUND_MS) slow.push(`${literal.file}:${literal.line} ${literal.source} took ${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 12))}... (${input.length} chars)`);
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);
});
