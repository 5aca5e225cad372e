import type { ComponentLexicon } from '../document/components.js';
import type { AnyRule, SeverityLevel, SignalStatus } from '../rule/define.js';

export interface RuleSetting {
  severity: SeverityLevel;
  options: Record<string, unknown>;
}

/** Configuration after presets, overrides and validation: what the engine runs. */
export interface ResolvedConfig {
  /** Every known rule, built-in and from plugins, in report order. */
  rules: ReadonlyMap<string, AnyRule>;
  /** Severity and options per rule id (every rule has an entry). */
  settings: ReadonlyMap<string, RuleSetting>;
  /** Named components, extended by plugins. */
  components?: ComponentLexicon;
}

export interface SignalResult {
  id: string;
  status: SignalStatus;
  line?: number;
  column?: number;
  evidence?: string;
  suggestion?: string;
}

export interface LintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  suggestion?: string;
  /** Not part of the JSON contract: which message template produced it. */
  messageId?: string;
}

export interface LintResult {
  filePath: string;
  score: number;
  signals: SignalResult[];
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}
