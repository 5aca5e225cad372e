/**
 * mlsd-lint's public API: lint text or files, define rules, and the types they use.
 */
export { lintFiles, lintText, lintTextSync, type LintFilesOptions, type LintTextOptions } from './api.js';
export { InputError, UsageError } from './support/errors.js';
export { RuleError } from './rule/run.js';
export { defineRule, RuleDefinitionError } from './rule/define.js';
export { RuleTester, RuleTesterError, type RuleTesterConfig, type RuleTests, type ValidCase, type InvalidCase, type ExpectedMessage } from './rule/tester.js';
export type { AnyRule, Anchor, OptionSpec, OptionsSchema, Report, RuleContext, RuleDefinition, RuleExample, RuleMeta, SeverityLevel, SeverityName, SignalDefinition, SignalStatus, SignalVerdict } from './rule/types.js';
export type { LintMessage, LintResult, ResolvedConfig, RuleSetting, SignalResult } from './engine/types.js';
export type { UserConfig, RuleEntry, OverrideConfig } from './config/types.js';
export { ConfigError } from './config/types.js';
export { resolveConfig, validateUserConfig } from './config/resolve.js';
export { loadFormatter, FORMATTER_NAMES, type Formatter, type FormatterContext } from './formatters/index.js';
export { PRESETS } from './config/presets.js';
export { builtinRules } from '../rules/index.js';
export { Document } from './document/document.js';
export type * from './document/types.js';
