import type { ComponentLexicon } from '../document/components.js';
import type { DocumentKind } from '../document/types.js';
import type { AnyRule, LintMessage, RuleSetting, SignalResult } from '../rule/types.js';

export type { LintMessage, RuleMessage, RuleSetting, SignalResult } from '../rule/types.js';

/** Configuration after presets, overrides and validation: what the engine runs. */
export interface ResolvedConfig {
  /** Every known rule, built-in and from plugins, in report order. */
  rules: ReadonlyMap<string, AnyRule>;
  /** Severity and options per rule id (every rule has an entry). */
  settings: ReadonlyMap<string, RuleSetting>;
  /** Named components, extended by plugins. */
  components?: ComponentLexicon;
}

export interface LintResult {
  filePath: string;
  /**
   * What the document was judged as (see `DocumentKind`); signals marked `mlOnly` are judged only on
   * `ml`. Absent when the file was abandoned before it was judged (see `fatalErrorCount`).
   */
  kind?: DocumentKind;
  /**
   * The writing system most of the answer is in, when it is not the Latin alphabet ('Cyrillic',
   * 'Hangul', 'Chinese', ...): the rules read English, so the report says its signals may read as
   * missing. Absent for answers in Latin script.
   */
  script?: string;
  score: number;
  signals: SignalResult[];
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  /** Present (1) when the file was abandoned over its work budget: `messages` holds one fatal error saying why, `signals` is empty. */
  fatalErrorCount?: number;
}
