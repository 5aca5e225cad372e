/**
 * The configuration of every file in a run, loaded and validated up front: each configuration
 * file once, with its plugins, every rule entry (including every `overrides` block, matching or
 * not) and the command-line rules. Only then is any input read, so a typo in a config fails the
 * run before it does any work, and fails it the same way whichever files are linted.
 */
import { builtinRules } from '../../rules/index.js';
import type { ResolvedConfig } from '../engine/types.js';
import type { AnyRule, RuleMeta } from '../rule.js';
import { createConfigLoader, type LoadedConfig } from './load.js';
import { matchingOverrides } from './overrides.js';
import { loadPlugins } from './plugins.js';
import { resolveConfig } from './resolve.js';
import type { RuleEntry } from './types.js';

export interface ConfigureOptions {
  cwd: string;
  /** Use this configuration file only (`--config`). */
  configFile?: string;
  /** Rule entries from the command line, applied after everything else. */
  cliRules?: Record<string, RuleEntry>;
}

export interface ConfiguredRun {
  /** The resolved configuration for one of the paths given to `configureFiles`. */
  configFor(absolutePath: string): ResolvedConfig;
  /** Every rule of the run (built-in and plugins) by id: formatters use its metadata. */
  rulesMeta: Map<string, RuleMeta<string, unknown>>;
}

interface ConfigSource {
  loaded: LoadedConfig | undefined;
  rules: AnyRule[];
  /** Resolved configurations by the set of matching overrides ("0,2"). */
  resolved: Map<string, ResolvedConfig>;
}

/** Load, validate and prepare the configuration of each path (absolute; for stdin, a path in its folder). */
export async function configureFiles(paths: readonly string[], options: ConfigureOptions): Promise<ConfiguredRun> {
  const loader = createConfigLoader({ cwd: options.cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  const sources = new Map<string, ConfigSource>();
  const sourceOf = new Map<string, ConfigSource>();
  const rulesMeta = new Map<string, RuleMeta<string, unknown>>();

  for (const file of paths) {
    const loaded = await loader.forFile(file);
    const key = loaded?.filepath ?? '';
    let source = sources.get(key);
    if (!source) {
      const rules = [...builtinRules, ...(loaded ? await loadPlugins(loaded) : [])];
      source = { loaded, rules, resolved: new Map() };
      // Dry run with every override block: validates all of them now, not when a matching file turns up.
      resolveConfig(loaded?.config, {
        rules,
        ...(loaded ? { source: loaded.displayPath } : {}),
        ...(options.cliRules ? { cliRules: options.cliRules } : {}),
        overrideRules: (loaded?.config.overrides ?? []).map((o) => o.rules ?? {}),
      });
      for (const rule of rules) rulesMeta.set(rule.id, rule.meta);
      sources.set(key, source);
    }
    sourceOf.set(file, source);
  }

  return {
    rulesMeta,
    configFor(absolutePath) {
      const source = sourceOf.get(absolutePath);
      if (!source) throw new Error(`configFor: ${absolutePath} was not given to configureFiles`);
      const { loaded } = source;
      const indices = loaded ? matchingOverrides(loaded.config, loaded.directory, absolutePath) : [];
      const key = indices.join(',');
      let config = source.resolved.get(key);
      if (!config) {
        config = resolveConfig(loaded?.config, {
          rules: source.rules,
          ...(loaded ? { source: loaded.displayPath } : {}),
          ...(options.cliRules ? { cliRules: options.cliRules } : {}),
          overrideRules: indices.map((i) => loaded?.config.overrides?.[i]?.rules ?? {}),
        });
        source.resolved.set(key, config);
      }
      return config;
    },
  };
}
