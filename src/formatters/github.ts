/**
 * `--format github`: GitHub Actions workflow commands, one annotation per message
 * (`::error file=...,line=...,endLine=...,col=...,endColumn=...,title=...::message`), escaped as the
 * Actions toolkit (@actions/core) escapes them. A clean run prints nothing. The CLI also appends
 * the markdown report to GITHUB_STEP_SUMMARY when it is set, since GitHub shows only a few
 * annotations per step; that write is the CLI's, this function only returns text.
 */
import type { LintMessage } from '../engine/types.js';
import { relativeToCwd } from './paths.js';
import type { Formatter, FormatterContext } from './types.js';

/** The message part: `%`, CR and LF, as `escapeData` in @actions/core. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, as `escapeProperty` in @actions/core. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function title(m: LintMessage, context: FormatterContext): string {
  if (m.ruleId === null) return 'mlsd-lint: file not linted';
  const signal = context.rulesMeta.get(m.ruleId)?.signal?.title;
  return signal ? `${signal} (${m.ruleId})` : m.ruleId;
}

const formatGithub: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    // Annotations attach to files by their path in the checkout (the working directory in CI).
    const file = relativeToCwd(result.filePath, context.cwd) ?? result.filePath;
    for (const m of result.messages) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `endLine=${m.endLine ?? m.line}`,
        `col=${m.column}`,
        `endColumn=${m.endColumn ?? m.column}`,
        `title=${escapeProperty(title(m, context))}`,
      ];
      const text = m.suggestion ? `${m.message}\n\nRewrite: ${m.suggestion}` : m.message;
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(text)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

export default formatGithub;
