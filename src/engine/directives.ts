/**
 * Inline directives in HTML comments, ESLint's grammar, applied by the engine as a filter over the
 * messages of one document. Rules never see directives.
 *
 *   <!-- mlsd-lint-disable [rule-a, rule-b] [-- reason] -->        from here on (no list: all rules)
 *   <!-- mlsd-lint-enable [rule-a, rule-b] -->                     from here on again
 *   <!-- mlsd-lint-disable-next-line [rules] [-- reason] -->       the next block only
 *   <!-- mlsd-lint-disable-file [rules] [-- reason] -->            the whole file, wherever it is
 *
 * "Next line" means the next markdown block: the block-level node (paragraph, heading, list, table,
 * code block, quote...) that follows the block holding the comment, in the same container, or the
 * one after that container when the comment ends it. Comment-only HTML blocks in between are
 * skipped, so directives can be stacked. A directive suppresses messages only: signal rows and the
 * score are the answer's content and stay as they are.
 */
import type { Nodes, Parent } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { Document } from '../document/document.js';
import type { AnyRule } from '../rule/types.js';
import { closest } from '../support/spelling.js';
import type { RuleMessage } from './types.js';

/** Rule id of the warning for a disable directive that suppressed nothing. */
export const UNUSED_DIRECTIVE_ID = 'unused-disable-directive';
/** Rule id of the warning for a directive that names an unknown rule or is misspelt. */
export const INVALID_DIRECTIVE_ID = 'invalid-directive';

const KINDS = ['disable', 'enable', 'disable-next-line', 'disable-file'] as const;
type DirectiveKind = (typeof KINDS)[number];

interface Range {
  start: number;
  end: number;
}

export interface Directive extends Range {
  kind: DirectiveKind;
  /** Named rules, or `undefined` for all rules. */
  rules: string[] | undefined;
  /** For `disable-next-line`: the block it covers (none when nothing follows). */
  target?: Range;
  /** Rule ids (or `*` for a directive without a list) whose messages it suppressed. */
  used: Set<string>;
}

export interface DirectiveOptions {
  /** Every rule of the run: a directive naming another id is reported. */
  knownRules: ReadonlyMap<string, AnyRule>;
  /** Report disable directives that suppressed nothing. */
  reportUnused?: boolean;
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^mlsd-lint-([a-z-]+)(?:\s+([\s\S]*))?$/;
/** Containers whose children are blocks. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'list', 'footnoteDefinition']);

interface Found {
  directives: Directive[];
  problems: RuleMessage[];
}

function isCommentOnly(node: Nodes): boolean {
  return node.type === 'html' && node.value.replace(COMMENT, '').trim() === '';
}

/** The block that follows `path`'s last node's block, skipping comment-only HTML blocks. */
function nextBlock(path: readonly Nodes[]): Range | undefined {
  // Climb from the comment to the block that holds it (a comment inside a paragraph belongs to it).
  let depth = path.length - 1;
  while (depth > 0 && !FLOW_PARENTS.has((path[depth - 1] as Nodes).type)) depth--;
  for (; depth > 0; depth--) {
    const parent = path[depth - 1] as Parent;
    const node = path[depth] as Nodes;
    const siblings = parent.children as Nodes[];
    for (let i = siblings.indexOf(node) + 1; i < siblings.length; i++) {
      const sibling = siblings[i] as Nodes;
      if (isCommentOnly(sibling)) continue;
      const start = sibling.position?.start.offset;
      const end = sibling.position?.end.offset;
      if (start !== undefined && end !== undefined) return { start, end };
    }
  }
  return undefined;
}

function problem(doc: Document, range: Range, message: string): RuleMessage {
  const start = doc.point(range.start);
  const end = doc.point(range.end);
  return { ruleId: INVALID_DIRECTIVE_ID, severity: 1, message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Every directive of a document, and a problem for each malformed one. */
export function findDirectives(doc: Document, knownRules: ReadonlyMap<string, AnyRule>): Found {
  const directives: Directive[] = [];
  const problems: RuleMessage[] = [];
  const known = [...knownRules.keys()];
  // A directive is an HTML comment: without '<!--' in the text there is none, and the walk over
  // every node of the tree (a closure and an ancestor list per node) is skipped.
  if (!doc.text.includes('<!--')) return { directives, problems };

  visitParents(doc.tree, 'html', (node, ancestors) => {
    const path = ancestors as Nodes[];
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return;
    // Locate comments in the source (a quote's `> ` prefixes are not in `value`), read them from `value`.
    const located = [...doc.text.slice(from, to).matchAll(COMMENT)];
    [...node.value.matchAll(COMMENT)].forEach((comment, i) => {
      const at = located[i];
      const start = from + (at?.index ?? 0);
      const range = { start, end: at ? start + at[0].length : to };
      const body = (comment[1] ?? '').trim();
      const match = DIRECTIVE.exec(body);
      if (!match) {
        if (/^mlsd-lint\b/.test(body)) problems.push(problem(doc, range, `Unknown directive \`${body.split(/\s/)[0]}\`, expected mlsd-lint-${KINDS.join(', mlsd-lint-')}`));
        return;
      }
      const kind = match[1] as DirectiveKind;
      if (!KINDS.includes(kind)) {
        const guess = closest(kind, KINDS);
        problems.push(problem(doc, range, `Unknown directive \`mlsd-lint-${kind}\`${guess ? ` (did you mean \`mlsd-lint-${guess}\`?)` : ''}`));
        return;
      }
      // Everything after ` -- ` is the reason, for people.
      const list = (match[2] ?? '').split(/\s-{2,}(?:\s|$)/)[0] ?? '';
      const named = list.split(/[\s,]+/).filter(Boolean);
      const rules: string[] = [];
      for (const id of named) {
        if (knownRules.has(id)) rules.push(id);
        else {
          const guess = closest(id, known);
          problems.push(problem(doc, range, `Unknown rule \`${id}\` in \`mlsd-lint-${kind}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}`));
        }
      }
      // A list of only unknown rules disables nothing rather than everything.
      if (named.length > 0 && rules.length === 0) return;
      const directive: Directive = { kind, rules: named.length ? rules : undefined, ...range, used: new Set() };
      if (kind === 'disable-next-line') {
        const target = nextBlock(path.concat(node));
        if (target) directive.target = target;
      }
      directives.push(directive);
    });
  });
  return { directives, problems };
}

function applies(directive: Directive, ruleId: string): boolean {
  return directive.rules === undefined || directive.rules.includes(ruleId);
}

/** The directive that silences a message at `offset`, if any. `ranges` are in document order. */
function silencer(directives: readonly Directive[], ruleId: string, offset: number): Directive | undefined {
  for (const d of directives) if (d.kind === 'disable-file' && applies(d, ruleId)) return d;
  for (const d of directives) {
    if (d.kind === 'disable-next-line' && d.target && applies(d, ruleId) && offset >= d.target.start && offset < Math.max(d.target.end, d.target.start + 1)) return d;
  }
  let current: Directive | undefined;
  for (const d of directives) {
    if (d.start > offset) break;
    if (d.kind === 'disable' && applies(d, ruleId)) current = d;
    else if (d.kind === 'enable' && applies(d, ruleId)) current = undefined;
  }
  return current;
}

function unusedMessage(doc: Document, d: Directive): RuleMessage | undefined {
  if (d.kind === 'enable') return undefined;
  const unused = d.rules === undefined ? (d.used.size ? [] : ['*']) : d.rules.filter((id) => !d.used.has(id));
  if (unused.length === 0) return undefined;
  const what = unused[0] === '*' ? 'nothing was reported' : `nothing from ${unused.map((id) => `\`${id}\``).join(', ')} was reported`;
  const where = d.kind === 'disable-file' ? 'in this file' : d.kind === 'disable-next-line' ? 'in the next block' : 'after it';
  return { ...problem(doc, d, `Unused \`mlsd-lint-${d.kind}\` directive: ${what} ${where}`), ruleId: UNUSED_DIRECTIVE_ID };
}

/**
 * Drop the messages that directives disable; add warnings for malformed directives and, when
 * asked, for disable directives that suppressed nothing. The result is in position order.
 */
export function applyDirectives(doc: Document, messages: readonly RuleMessage[], options: DirectiveOptions): RuleMessage[] {
  // Cheap exit for the common case: no comment can hold a directive.
  if (!doc.text.includes('mlsd-lint')) return [...messages];
  const { directives, problems } = findDirectives(doc, options.knownRules);
  directives.sort((a, b) => a.start - b.start);
  const kept: RuleMessage[] = [];
  for (const message of messages) {
    const offset = doc.lines.lineStart(message.line) + message.column - 1;
    const by = silencer(directives, message.ruleId, offset);
    if (by) by.used.add(by.rules === undefined ? '*' : message.ruleId);
    else kept.push(message);
  }
  kept.push(...problems);
  if (options.reportUnused) {
    for (const d of directives) {
      const unused = unusedMessage(doc, d);
      if (unused) kept.push(unused);
    }
  }
  return kept.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
