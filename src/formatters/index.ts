/**
 * Formatters by name, imported only when asked for, so a run pays for the one it prints with.
 */
import { UsageError } from '../support/errors.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext } from './types.js';

const FORMATTERS: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  markdown: () => import('./markdown.js'),
  questions: () => import('./questions.js'),
  html: () => import('./html.js'),
  summary: () => import('./summary.js'),
  'summary-json': () => import('./summary.js').then((m) => ({ default: m.formatSummaryJson })),
};

export const FORMATTER_NAMES: readonly string[] = Object.keys(FORMATTERS);

/** The formatter called `name`; a UsageError listing the known ones otherwise. */
export async function loadFormatter(name: string): Promise<Formatter> {
  const load = Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name] : undefined;
  if (!load) throw new UsageError(`Unknown format "${name}", expected one of: ${FORMATTER_NAMES.join(', ')}`);
  return (await load()).default;
}
