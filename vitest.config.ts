import { defineConfig } from 'vitest/config';
import { PATCHED_FILES, patchParserSource } from './scripts/parser-patches.mjs';

export default defineConfig({
  // The tests run the parser users run: the bundle patches two quadratic spots of the Markdown
  // parser (scripts/parser-patches.mjs), and so does this transform. The parser's packages, and
  // the ones that import them, are inlined so they go through it (vitest would otherwise hand
  // them to Node untransformed).
  plugins: [
    {
      name: 'mlsd-lint-parser-patches',
      enforce: 'pre',
      transform(code, id) {
        const file = id.split('?')[0]!;
        return PATCHED_FILES.test(file) ? { code: patchParserSource(file, code)!, map: null } : undefined;
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
