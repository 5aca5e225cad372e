/**
 * The inputs that once hung the linter or crashed it (issue 11's probe), generated at run time at
 * the probe's sizes: each is a class of Markdown the parser is slow or hungry on. Shared by the
 * budget tests and `scripts/probe-hostile.mjs`-style measurements.
 */

/** `count` items of `make(i)` joined, cut to `bytes` (ASCII, so characters are bytes). */
function fill(bytes: number, make: (i: number) => string, close: (i: number) => string = () => ''): string {
  const open: string[] = [];
  const shut: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const a = make(i);
    const b = close(i);
    open.push(a);
    shut.push(b);
    size += a.length + b.length;
  }
  return open.join('') + shut.reverse().join('');
}

const WORDS = ['alpha', 'beta', 'gamma', 'delta'];

export interface HostileInput {
  name: string;
  /** What it is, as the probe described it. */
  what: string;
  text: () => string;
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'nested-emphasis',
    what: 'emphasis nested thousands deep (*a **b *c ... c* b** a*), 150 kB',
    text: () => fill(150_000, (i) => `${i % 2 ? '**' : '*'}${WORDS[i % 4]} `, (i) => ` ${WORDS[i % 4]}${i % 2 ? '**' : '*'}`),
  },
  {
    name: 'nested-strong',
    what: 'strong emphasis nested thousands deep (**a **b ... b** a**), 150 kB',
    text: () => fill(150_000, (i) => `**${WORDS[i % 4]} `, (i) => ` ${WORDS[i % 4]}**`),
  },
  {
    name: 'nested-links',
    what: 'links nested in link text ([a [b [c ...](u)](u)), 150 kB',
    text: () => fill(150_000, (i) => `[${WORDS[i % 4]} `, () => '](u)'),
  },
  {
    name: 'nested-brackets',
    what: 'brackets nested thousands deep ([[[...]]]), 150 kB',
    text: () => fill(150_000, () => '[', () => ']'),
  },
  {
    name: 'setext-storm',
    what: 'a storm of setext headings (a line, then === or ---), 150 kB',
    text: () => fill(150_000, (i) => `${WORDS[i % 4]}\n${i % 2 ? '---' : '==='}\n`),
  },
  {
    name: 'equals-lines',
    what: 'lines of = signs under one paragraph line, 150 kB',
    text: () => `${WORDS[0]}\n${fill(150_000, (i) => `${'='.repeat(1 + (i % 5))}\n`)}`,
  },
  {
    name: 'image-label-footnotes',
    what: 'a 1 MB image-label line (![a] then a] ...) in a document that defines a footnote',
    text: () => `[^1]: a note\n\nSee [^1].\n\n![a] ${fill(1_000_000, () => 'a] ')}\n`,
  },
  {
    name: 'mixed-line',
    what: 'a 10 MB single line of mixed markup (emphasis, links, code, brackets, autolinks, entities)',
    text: () => {
      const parts = ['*a ', '**b ', '[c ', '](u) ', '`d` ', '<e> ', '![f] ', '_g_ ', '~~h~~ ', '\\* ', '&amp; ', 'http://x.y '];
      return fill(10_000_000, (i) => parts[(i * 7) % parts.length] as string);
    },
  },
  {
    name: 'wide-table',
    what: 'a 4 MB table of 10,000 columns',
    text: () => {
      const cols = 10_000;
      const row = `|${' ab |'.repeat(cols)}\n`;
      let text = `|${' h |'.repeat(cols)}\n|${'---|'.repeat(cols)}\n`;
      while (text.length < 4_000_000) text += row;
      return text;
    },
  },
];
