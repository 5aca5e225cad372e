/** Whether the linter's evidence is the statement a reader quoted (scripts/eval.mjs). */
export function evidenceMatches(linterEvidence: unknown, labelEvidence: unknown): boolean;
