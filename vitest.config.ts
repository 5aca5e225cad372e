import { defineConfig } from 'vitest/config';
import { patchParserSource } from './scripts/parser-patches.mjs';

export default defineConfig({
  // The tests run the parser users run: the bundle patches the quadratic spots of the Markdown
  // parser (scripts/parser-patches.mjs), and so does this transform. The parser's packages, and
  // the ones that import them, are inlined so they go through it (vitest would otherwise hand
  // them to Node untransformed).
  plugins: [
    {
      name: 'mlsd-lint-parser-patches',
      enforce: 'pre',
      transform(code, id) {
        const patched = patchParserSource(id.split('?')[0]!, code);
        return patched === undefined ? undefined : { code: patched, map: null };
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    // CLI contract tests run bin/mlsd-lint.js, which imports dist/: build once, fresh, before any test.
    globalSetup: ['test/global-setup.ts'],
    // Each CLI test starts a Node process; on a 2-core CI machine that can take a while.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    server: { deps: { inline: [/[\\/]node_modules[\\/](?:remark-parse|remark-gfm|mdast-util-from-markdown|micromark[^\\/]*)[\\/]/] } },
  },
});
