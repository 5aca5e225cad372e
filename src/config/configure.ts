/**
 * The configuration of every file in a run, loaded and validated up front: each configuration
 * file once, with its plugins, every rule entry (including every `overrides` block, matching or
 * not) and the command-line rules. Only then is any input read, so a typo in a config fails the
 * run before it does any work, and fails it the same way whichever files are linted.
 */
import type { ResolvedConfig } from '../engine/types.js';
import type { AnyRule, RuleMeta } from '../rule/types.js';
import { createConfigLoader, type LoadedConfig } from './load.js';
import { matchingOverrides } from './overrides.js';
import { loadPluginModules, type LoadedPlugin } from './plugins.js';
import { resolveConfig } from './resolve.js';
import type { RuleEntry } from './types.js';

export interface ConfigureOptions {
  cwd: string;
  /** The built-in rules, before any plugin's: configuration knows them only as given here. */
  builtinRules: readonly AnyRule[];
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
  /** For a plugin rule, which plugin and configuration file brought it ("plugin "x" in .mlsd-lintrc.json"). */
  pluginOf(ruleId: string): string | undefined;
  /** Where one path's configuration comes from (for `--print-config`). */
  sourceOf(absolutePath: string): { configFile: string | undefined; extends: string[]; plugins: string[]; overrides: number[] };
  /**
   * The plugins behind one path's rules and the configuration file that lists them: one object per
   * configuration file (usable as a key). Workers load the same plugins from it; the cache hashes them.
   */
  rulesSourceOf(absolutePath: string): RulesSource;
}

/** A configuration file's plugins, as loaded. */
export interface RulesSource {
  /** The configuration file's folder: plugins are resolved from it. */
  directory: string;
  /** The configuration file as messages name it ("" when there is none). */
  displayPath: string;
  plugins: readonly LoadedPlugin[];
}

interface ConfigSource {
  loaded: LoadedConfig | undefined;
  rules: AnyRule[];
  rulesSource: RulesSource;
  /** Resolved configurations by the set of matching overrides ("0,2"). */
  resolved: Map<string, ResolvedConfig>;
}

/** Load, validate and prepare the configuration of each path (absolute; for stdin, a path in its folder). */
export async function configureFiles(paths: readonly string[], options: ConfigureOptions): Promise<ConfiguredRun> {
  const loader = createConfigLoader({ cwd: options.cwd, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  const sources = new Map<string, ConfigSource>();
  const sourceOf = new Map<string, ConfigSource>();
  const rulesMeta = new Map<string, RuleMeta<string, unknown>>();
  const plugins = new Map<string, string>();

  for (const file of paths) {
    const loaded = await loader.forFile(file);
    const key = loaded?.filepath ?? '';
    let source = sources.get(key);
    if (!source) {
      const modules = loaded ? await loadPluginModules(loaded) : [];
      for (const plugin of modules) for (const rule of plugin.rules) plugins.set(rule.id, `plugin "${plugin.specifier}" in ${loaded?.displayPath}`);
      const rules = [...options.builtinRules, ...modules.flatMap((plugin) => plugin.rules)];
      const rulesSource: RulesSource = { directory: loaded?.directory ?? options.cwd, displayPath: loaded?.displayPath ?? '', plugins: modules };
      source = { loaded, rules, rulesSource, resolved: new Map() };
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

  const sourceFor = (absolutePath: string): ConfigSource => {
    const source = sourceOf.get(absolutePath);
    if (!source) throw new Error(`configFor: ${absolutePath} was not given to configureFiles`);
    return source;
  };
  return {
    rulesMeta,
    pluginOf: (ruleId) => plugins.get(ruleId),
    rulesSourceOf: (absolutePath) => sourceFor(absolutePath).rulesSource,
    sourceOf(absolutePath) {
      const { loaded } = sourceFor(absolutePath);
      const presets = loaded?.config.extends;
      return {
        configFile: loaded?.displayPath,
        extends: presets === undefined ? ['recommended'] : Array.isArray(presets) ? [...presets] : [presets],
        plugins: [...(loaded?.config.plugins ?? [])],
        overrides: loaded ? matchingOverrides(loaded.config, loaded.directory, absolutePath) : [],
      };
    },
    configFor(absolutePath) {
      const source = sourceFor(absolutePath);
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
