/**
 * Facts about the tool itself, defined once: its name, where it lives and its version.
 */
import { readFileSync } from 'node:fs';

export const TOOL_NAME = 'mlsd-lint';

/** The score history, relative to the working directory (src/run/history.ts). */
export const HISTORY_FILE = `.${TOOL_NAME}/history.jsonl`;

/**
 * The repository's web address. A placeholder until the project is published: every link the tool
 * prints or embeds (SARIF `helpUri`, `explain`) is built from it, so changing it here changes all.
 */
export const REPOSITORY_URL = 'https://github.com/example/mlsd-lint';

/** The documentation page of a built-in rule, in the repository. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}

/** Where inline directives are documented. */
export const DIRECTIVES_DOCS_URL = `${REPOSITORY_URL}/blob/main/docs/cli.md#inline-directives`;

/** The version in package.json (bundled: dist/bundle/; built: dist/src/support/project.js; from source in tests: src/support/project.ts). */
export function packageVersion(): string {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === TOOL_NAME && pkg.version) return pkg.version;
    } catch {
      // Not this one; try the next.
    }
  }
  return 'unknown';
}
