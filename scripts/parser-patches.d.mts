/** Types for parser-patches.mjs (used by vitest.config.ts and the tests). */
export interface ParserPatch {
  name: string;
  file: RegExp;
  anchor: string;
  edits: Array<[RegExp, (match: string) => string]>;
}
export function parserPatchesFor(file: string): ParserPatch[];
export function patchParserSource(file: string, code?: string): string | undefined;
export const PATCHED_FILES: RegExp;
export const PATCHED_VERSIONS: Record<string, string>;
export function packageOf(file: string): { name: string; version: string | undefined } | undefined;
