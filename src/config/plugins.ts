/**
 * Load the rule modules a configuration lists in `plugins`. A local path ("./rules/x.js") is
 * relative to the configuration file's folder; anything else is a package resolved from there.
 * A plugin module default-exports a rule, an array of rules, or `{ rules: [...] }`. Every rule goes
 * through `defineRule` again, so a JavaScript plugin with a bad rule fails here, naming the plugin,
 * instead of crashing in the middle of a run.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineRule, RuleDefinitionError } from '../rule/define.js';
import type { AnyRule } from '../rule/types.js';
import type { LoadedConfig } from './load.js';
import { ConfigError } from './types.js';

function isLocal(specifier: string): boolean {
  return specifier.startsWith('.') || path.isAbsolute(specifier);
}

function resolvePlugin(specifier: string, directory: string): string {
  if (isLocal(specifier)) return path.resolve(directory, specifier);
  // Resolved as if required from the configuration file's folder, where the user installed it.
  return createRequire(path.join(directory, 'noop.js')).resolve(specifier);
}

function rulesOf(exported: unknown): unknown[] | undefined {
  if (Array.isArray(exported)) return exported;
  if (exported && typeof exported === 'object') {
    const value = exported as { rules?: unknown; id?: unknown };
    if (Array.isArray(value.rules)) return value.rules;
    if (typeof value.id === 'string') return [exported];
  }
  return undefined;
}

async function loadPlugin(specifier: string, loaded: Pick<LoadedConfig, 'directory' | 'displayPath'>): Promise<{ resolved: string; rules: AnyRule[] }> {
  const where = `plugin "${specifier}" in ${loaded.displayPath}`;
  let exported: unknown;
  let resolved = '';
  try {
    resolved = resolvePlugin(specifier, loaded.directory);
    const module = (await import(pathToFileURL(resolved).href)) as { default?: unknown };
    exported = module.default ?? module;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' ? 'not found' : `failed to load: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
    throw new ConfigError(`Cannot load ${where}: ${reason}`, { cause: error });
  }
  const rules = rulesOf(exported);
  if (!rules) throw new ConfigError(`${where} must export a rule, an array of rules or { rules: [...] }`);
  return {
    resolved,
    rules: rules.map((rule) => {
      try {
        return defineRule(rule as AnyRule) as AnyRule;
      } catch (error) {
        if (error instanceof RuleDefinitionError) throw new ConfigError(`Bad rule in ${where}: ${error.message}`, { cause: error });
        throw error;
      }
    }),
  };
}

export interface LoadedPlugin {
  /** As written in `plugins`. */
  specifier: string;
  /** Absolute path of the module file it resolved to (a cache key part; what workers import). */
  resolved: string;
  rules: AnyRule[];
}

/** What loading a configuration's plugins needs: where they are resolved from and how messages name it. */
export type PluginSource = Pick<LoadedConfig, 'directory' | 'displayPath'> & { config: { plugins?: readonly string[] } };

/** Each plugin of a configuration with its rules, in the order listed. */
export async function loadPluginModules(loaded: PluginSource): Promise<LoadedPlugin[]> {
  const plugins: LoadedPlugin[] = [];
  for (const specifier of loaded.config.plugins ?? []) plugins.push({ specifier, ...(await loadPlugin(specifier, loaded)) });
  return plugins;
}
