import { Document } from './document/document.js';
import { lintDocument } from './engine/lint.js';
import type { LintResult, ResolvedConfig } from './engine/types.js';
import { resolveConfig } from './config/resolve.js';
import type { UserConfig } from './config/types.js';
import { builtinRules } from '../rules/index.js';

export interface LintTextOptions {
  /** Shown in results; also used to match `overrides`. */
  filePath?: string;
  /** A configuration object (as in `.mlsd-lintrc`) or one already resolved. */
  config?: UserConfig | ResolvedConfig;
}

function isResolved(config: UserConfig | ResolvedConfig): config is ResolvedConfig {
  return (config as ResolvedConfig).settings instanceof Map;
}

/** Lint markdown text. Never touches the file system. */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  return lintTextSync(text, options);
}

/** Synchronous core of `lintText` (for workers and tests). */
export function lintTextSync(text: string, options: LintTextOptions = {}): LintResult {
  const config = options.config && isResolved(options.config) ? options.config : resolveConfig(options.config, { rules: builtinRules });
  const doc = new Document(text, { ...(options.filePath ? { filePath: options.filePath } : {}), ...(config.components ? { components: config.components } : {}) });
  return lintDocument(doc, config, options.filePath ?? '<text>');
}
