import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI contract tests run bin/mlsd-lint.js, which imports dist/: build once, fresh, before any test.
    globalSetup: ['test/global-setup.ts'],
    // Each CLI test starts a Node process; on a 2-core CI machine that can take a while.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
