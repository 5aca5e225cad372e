/** Types for parser-patches.mjs (used by vitest.config.ts and the tests). */
export interface ParserPatch {
  name: string;
  file: RegExp;
  apply(code: string): string | undefined;
}
export function parserPatchesFor(file: string): ParserPatch[];
export function patchParserSource(file: string, code?: string): string | undefined;
export const PATCHED_FILES: RegExp;
