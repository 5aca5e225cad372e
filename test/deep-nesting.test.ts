import type { PhrasingContent } from 'mdast';
import { describe, expect, it, vi } from 'vitest';
import { flatten } from '../src/document/blocks.js';
import { InputError } from '../src/support/errors.js';

// Inline markup nested tens of thousands deep: a crafted answer can reach depths where a recursive
// walk exhausts the call stack (80 kB of `*a **b *c ... c* b** a*` did, in the document model).

/** `depth` emphasis/strong/link nodes inside each other around one text node. */
function nested(depth: number): PhrasingContent[] {
  let inner: PhrasingContent = { type: 'text', value: 'core' };
  for (let i = depth; i > 0; i--) {
    const children: PhrasingContent[] = [{ type: 'text', value: `w${i % 7} ` }, inner];
    inner = i % 3 === 0 ? { type: 'link', url: 'u', children } : i % 2 ? { type: 'emphasis', children } : { type: 'strong', children };
  }
  return [inner];
}

describe('inline nesting far beyond the call stack', () => {
  it('flattens 200,000 levels of emphasis, strong and links, in document order', () => {
    const flat = flatten(nested(200_000));
    expect(flat.text.startsWith('w1 w2 w3 w4 w5 w6 w0 w1 ')).toBe(true);
    expect(flat.text.endsWith('w2 w3 core')).toBe(true);
    expect(flat.segments).toHaveLength(200_001);
    expect(flat.onlyEmphasis).toBe(true);
  });
});

describe('a call stack exhausted while reading the answer', () => {
  it('is the one-line input error naming the file, not a crash', async () => {
    vi.resetModules();
    vi.doMock('../src/document/parse.js', () => ({
      parseMarkdown: () => {
        const overflow = (n: number): number => overflow(n + 1) + 1;
        return overflow(0);
      },
    }));
    const { Document } = await import('../src/document/document.js');
    const { InputError: FreshInputError } = await import('../src/support/errors.js');
    let thrown: unknown;
    try {
      new Document('*a **b *c c* b** a*\n', { filePath: 'deep.md' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FreshInputError);
    expect((thrown as Error).message).toBe('deep.md: markup nested too deeply to read (emphasis, links or brackets inside each other thousands of levels deep); not linted');
    expect((thrown as InputError).cause).toBeInstanceOf(RangeError);
    vi.doUnmock('../src/document/parse.js');
  });
});
