import fc from 'fast-check';

/**
 * The inputs that once hung the linter or crashed it (issue 11's probe), generated at run time at
 * the probe's sizes: each is a class of Markdown the parser is slow or hungry on. Shared by the
 * budget tests and the parser-patch tests, with a generator of random nestings of every construct.
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
  /** The input at the probe's size, or about `bytes` long. */
  text: (bytes?: number) => string;
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'nested-emphasis',
    what: 'emphasis nested thousands deep (*a **b *c ... c* b** a*), 150 kB',
    text: (bytes = 150_000) => fill(bytes, (i) => `${i % 2 ? '**' : '*'}${WORDS[i % 4]} `, (i) => ` ${WORDS[i % 4]}${i % 2 ? '**' : '*'}`),
  },
  {
    name: 'nested-strong',
    what: 'strong emphasis nested thousands deep (**a **b ... b** a**), 150 kB',
    text: (bytes = 150_000) => fill(bytes, (i) => `**${WORDS[i % 4]} `, (i) => ` ${WORDS[i % 4]}**`),
  },
  {
    name: 'nested-links',
    what: 'links nested in link text ([a [b [c ...](u)](u)), 150 kB',
    text: (bytes = 150_000) => fill(bytes, (i) => `[${WORDS[i % 4]} `, () => '](u)'),
  },
  {
    name: 'nested-brackets',
    what: 'brackets nested thousands deep ([[[...]]]), 150 kB',
    text: (bytes = 150_000) => fill(bytes, () => '[', () => ']'),
  },
  {
    name: 'setext-storm',
    what: 'a storm of setext headings (a line, then === or ---), 150 kB',
    text: (bytes = 150_000) => fill(bytes, (i) => `${WORDS[i % 4]}\n${i % 2 ? '---' : '==='}\n`),
  },
  {
    name: 'equals-lines',
    what: 'lines of = signs under one paragraph line, 150 kB',
    text: (bytes = 150_000) => `${WORDS[0]}\n${fill(bytes, (i) => `${'='.repeat(1 + (i % 5))}\n`)}`,
  },
  {
    name: 'image-label-footnotes',
    what: 'a 1 MB image-label line (![a] then a] ...) in a document that defines a footnote',
    text: (bytes = 1_000_000) => `[^1]: a note\n\nSee [^1].\n\n![a] ${fill(bytes, () => 'a] ')}\n`,
  },
  {
    name: 'mixed-line',
    what: 'a 10 MB single line of mixed markup (emphasis, links, code, brackets, autolinks, entities)',
    text: (bytes = 10_000_000) => {
      const parts = ['*a ', '**b ', '[c ', '](u) ', '`d` ', '<e> ', '![f] ', '_g_ ', '~~h~~ ', '\\* ', '&amp; ', 'http://x.y '];
      return fill(bytes, (i) => parts[(i * 7) % parts.length] as string);
    },
  },
  {
    name: 'wide-table',
    what: 'a 4 MB table of 10,000 columns',
    text: (bytes = 4_000_000) => {
      const cols = Math.min(10_000, Math.floor(bytes / 1000));
      const row = `|${' ab |'.repeat(cols)}\n`;
      let text = `|${' h |'.repeat(cols)}\n|${'---|'.repeat(cols)}\n`;
      while (text.length < bytes) text += row;
      return text;
    },
  },
];

/** Wrappers for every inline construct: each takes the text so far and nests it one level deeper. */
const INLINE: Record<string, (x: string, i: number) => string> = {
  emphasis: (x, i) => `*w${i % 7} ${x}*`,
  strong: (x, i) => `**w${i % 7} ${x}**`,
  underscore: (x) => `_${x}_ `,
  strike: (x) => `~~${x}~~`,
  code: (x) => `\`${x}\``,
  link: (x) => `[${x}](u)`,
  image: (x) => `![${x}]`,
  bracket: (x) => `[${x}]`,
  footnote: (x) => `${x}[^1]`,
  html: (x) => `<b>${x}</b>`,
  autolink: (x) => `<http://x.y/${x.length % 10}> ${x}`,
  open: (x, i) => `${['*', '**', '_', '[', '![', '](', '`', '|'][i % 8]}${x}`,
  close: (x, i) => `${x}${['*', '**', '_', ']', '](u)', ')', '`', '|'][i % 8]}`,
};

/** Wrappers for every block construct, applied line by line. */
const BLOCK: Record<string, (x: string, i: number) => string> = {
  quote: (x) => x.split('\n').map((l) => `> ${l}`).join('\n'),
  bullet: (x) => x.split('\n').map((l, i) => (i ? `  ${l}` : `- ${l}`)).join('\n'),
  ordered: (x) => x.split('\n').map((l, i) => (i ? `   ${l}` : `1. ${l}`)).join('\n'),
  setext: (x, i) => `${x}\n${i % 2 ? '===' : '---'}`,
  heading: (x) => `# ${x.split('\n')[0]}\n\n${x}`,
  table: (x) => `| ${x.split('\n')[0]} | b |\n|---|---|\n| c | d |\n\n${x}`,
  fence: (x) => `\`\`\`\n${x}\n\`\`\`\n\n${x}`,
  definition: (x) => `[^1]: ${x.split('\n')[0]}\n\n${x}`,
  div: (x) => `<div>\n${x}\n</div>`,
  paragraphs: (x) => `${x}\n\n${x.split('\n')[0]}`,
};

/**
 * Random nestings of every Markdown construct: inline constructs in a random pattern, up to
 * `maxDepth` deep, inside random blocks, the whole repeated up to `maxCopies` times.
 */
export function nestings(maxDepth: number, maxCopies: number): fc.Arbitrary<string> {
  return fc
    .record({
      inline: fc.array(fc.constantFrom(...Object.keys(INLINE)), { minLength: 1, maxLength: 6 }),
      depth: fc.integer({ min: 1, max: maxDepth }),
      blocks: fc.array(fc.constantFrom(...Object.keys(BLOCK)), { maxLength: 12 }),
      copies: fc.integer({ min: 1, max: maxCopies }),
    })
    .map(({ inline, depth, blocks, copies }) => {
      let text = 'model';
      for (let i = 0; i < depth; i++) text = (INLINE[inline[i % inline.length] as string] as (x: string, i: number) => string)(text, i);
      blocks.forEach((name, i) => (text = (BLOCK[name] as (x: string, i: number) => string)(text, i)));
      return Array.from({ length: copies }, () => text).join('\n\n');
    });
}
