/**
 * `--format junit`: JUnit XML for CI test-report views. One `<testsuite>` per file; in it one
 * `<testcase>` per signal (a `<failure>` when the signal's message is reported: weak or missing at a
 * severity above off) and one per other finding (structure rules, directives). Everything is XML
 * escaped, and characters XML 1.0 cannot carry (most control characters, lone surrogates) become
 * U+FFFD, so any answer gives a well-formed document.
 */
import type { LintMessage, LintResult } from '../engine/types.js';
import { fatalOf, ruleOfSignal, type Formatter, type FormatterContext } from './types.js';

/** Not allowed anywhere in an XML 1.0 document, even as a character reference. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or attribute value made safe for XML 1.0. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Attribute values would fold raw line breaks into spaces.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

function failure(m: LintMessage): string {
  const body = [`${m.line}:${m.column} ${m.message}`, ...(m.suggestion ? [`Rewrite: ${m.suggestion}`] : [])].join('\n');
  return `      <failure${attributes({ message: m.message, type: m.severity === 2 ? 'error' : 'warning' })}>${escapeXml(body)}</failure>\n`;
}

function testcase(name: string, classname: string, failures: readonly LintMessage[], out?: string): string {
  const inner = failures.map(failure).join('') + (out ? `      <system-out>${escapeXml(out)}</system-out>\n` : '');
  return inner ? `    <testcase${attributes({ name, classname })}>\n${inner}    </testcase>\n` : `    <testcase${attributes({ name, classname })}/>\n`;
}

function suite(result: LintResult, context: FormatterContext): { xml: string; tests: number; failures: number; skipped: number; errors: number } {
  const fatal = fatalOf(result);
  if (fatal) {
    // Not linted to the end: one errored case, as a test runner reports a test that could not run.
    const xml = `    <testcase${attributes({ name: 'lint', classname: result.filePath })}>\n      <error${attributes({ message: fatal.message })}/>\n    </testcase>\n`;
    return { xml: `  <testsuite${attributes({ name: result.filePath, tests: 1, failures: 0, errors: 1, skipped: 0 })}>\n${xml}  </testsuite>\n`, tests: 1, failures: 0, skipped: 0, errors: 1 };
  }
  const signalRules = new Set<string>();
  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const signal of result.signals) {
    const ruleId = ruleOfSignal(signal.id, context)?.ruleId ?? signal.id;
    signalRules.add(ruleId);
    const reported = result.messages.filter((m) => m.ruleId === ruleId);
    if (reported.length) failures++;
    if (signal.judged === false) {
      skipped++;
      cases.push(`    <testcase${attributes({ name: `${signal.id} (not judged)`, classname: result.filePath })}>\n      <skipped${attributes({ message: 'not an ML design: this signal needs a prediction problem' })}/>\n    </testcase>\n`);
      continue;
    }
    const evidence = signal.evidence ? `: ${signal.evidence}` : '';
    cases.push(testcase(`${signal.id} (${signal.status})`, result.filePath, reported, `${signal.status}${evidence}`));
  }
  for (const m of result.messages.filter((message) => message.ruleId === null || !signalRules.has(message.ruleId))) {
    failures++;
    cases.push(testcase(`${m.ruleId} at ${m.line}:${m.column}`, result.filePath, [m]));
  }
  const header = `  <testsuite${attributes({ name: result.filePath, tests: cases.length, failures, errors: 0, skipped })}>\n`;
  return { xml: `${header}${cases.join('')}  </testsuite>\n`, tests: cases.length, failures, skipped, errors: 0 };
}

const formatJunit: Formatter = (results, context) => {
  const suites = results.map((r) => suite(r, context));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const skipped = suites.reduce((n, s) => n + s.skipped, 0);
  const errors = suites.reduce((n, s) => n + s.errors, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<testsuites${attributes({ name: 'mlsd-lint', tests, failures, errors, ...(skipped ? { skipped } : {}) })}>\n`,
    ...suites.map((s) => s.xml),
    '</testsuites>\n',
  ].join('');
};

export default formatJunit;
