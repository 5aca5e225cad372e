import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { configureFiles } from '../src/config/configure.js';
import { createConfigLoader, searchFolders } from '../src/config/load.js';
import { matchingOverrides } from '../src/config/overrides.js';
import { resolveConfig, validateUserConfig } from '../src/config/resolve.js';
import { ConfigError, type UserConfig } from '../src/config/types.js';
import { useTempTrees } from './helpers.js';

const tree = useTempTrees();

const resolve = (config: unknown, cliRules?: Record<string, unknown>) =>
  resolveConfig(config as UserConfig, { rules: builtinRules, source: '.mlsd-lintrc.json', ...(cliRules ? { cliRules: cliRules as never } : {}) });

describe('validateUserConfig and resolveConfig', () => {
  it('accepts the documented shape and applies presets, rules, overrides, then --rule', () => {
    const config = resolveConfig(
      { extends: 'strict', rules: { retraining: 'warn' }, overrides: [{ files: '*.md', rules: { monitoring: 'off' } }] },
      { rules: builtinRules, overrideRules: [{ monitoring: 'off', retraining: ['error', { weak: 'off' }] }], cliRules: { retraining: 'off' } },
    );
    expect(config.settings.get('monitoring')?.severity).toBe(0);
    expect(config.settings.get('retraining')).toEqual({ severity: 0, options: { weak: 'off' } });
    expect(config.settings.get('evaluation')?.severity).toBe(2);
  });

  it.each([
    [[], /must be an object/],
    [{ rule: {} }, /Unknown key `rule` in \.mlsd-lintrc\.json/],
    [{ extends: 'best' }, /Unknown preset "best"/],
    [{ rules: [] }, /`rules` in \.mlsd-lintrc\.json must be an object/],
    [{ overrides: [{ rules: {} }] }, /`overrides\[0\]\.files`/],
    [{ overrides: [{ files: '*.md', severity: 'off' }] }, /Unknown key `severity` in `overrides\[0\]`/],
  ])('rejects a bad shape %j', (config, message) => {
    expect(() => validateUserConfig(config, '.mlsd-lintrc.json')).toThrow(ConfigError);
    expect(() => validateUserConfig(config, '.mlsd-lintrc.json')).toThrow(message);
  });

  it.each([
    [{ rules: { retrain: 'off' } }, /Unknown rule `retrain` in `rules` of \.mlsd-lintrc\.json \(did you mean `retraining`\?\)/],
    [{ rules: { retraining: 'loud' } }, /Unexpected severity "loud" for `retraining`/],
    [{ rules: { retraining: 3 } }, /Unexpected severity 3/],
    [{ rules: { retraining: ['warn', { weak: 'never' }] } }, /option `weak` of `retraining` in `rules` of \.mlsd-lintrc\.json/],
    [{ rules: { retraining: ['warn', { nope: 1 }] } }, /Unknown option `nope` for `retraining` in `rules` of \.mlsd-lintrc\.json/],
    [{ rules: { retraining: ['warn', 'weak'] } }, /Unexpected options "weak" for `retraining`/],
    [{ rules: { retraining: ['warn', {}, {}] } }, /expected a severity or \[severity, options\]/],
  ])('rejects a bad rule entry %j, naming the key', (config, message) => {
    expect(() => resolve(config)).toThrow(message);
  });

  it('names --rule as the source of a bad command-line entry', () => {
    expect(() => resolve({}, { nope: 'off' })).toThrow(/Unknown rule `nope` in --rule/);
    expect(() => resolve({}, { retraining: ['warn', { nope: 1 }] })).toThrow(/in --rule/);
  });
});

describe('createConfigLoader', () => {
  it('searches from the file\'s folder upward and stops at the first configuration', async () => {
    const t = tree({ '.mlsd-lintrc.yml': 'extends: strict\n', 'a/.mlsd-lintrc.json': '{"rules": {"retraining": "off"}}', 'a/b/c/x.md': '' });
    const loader = createConfigLoader({ cwd: t.dir });
    const near = await loader.forFile(path.join(t.dir, 'a/b/c/x.md'));
    expect(near?.displayPath).toBe(path.join('a', '.mlsd-lintrc.json'));
    expect(near?.config).toEqual({ rules: { retraining: 'off' } });
    const far = await loader.forFile(path.join(t.dir, 'y.md'));
    expect(far?.config).toEqual({ extends: 'strict' });
  });

  it('reads the "mlsd-lint" key of package.json and skips a package.json without it', async () => {
    const t = tree({ 'package.json': '{"name": "outer", "mlsd-lint": {"extends": "strict"}}', 'inner/package.json': '{"name": "inner"}' });
    const loaded = await createConfigLoader({ cwd: t.dir }).forFile(path.join(t.dir, 'inner/x.md'));
    expect(loaded?.displayPath).toBe('package.json');
    expect(loaded?.config).toEqual({ extends: 'strict' });
  });

  it('a folder without our files is passed over whatever else it holds; a broken package.json is still an error', async () => {
    const t = tree({
      '.mlsd-lintrc.yaml': 'extends: strict\n',
      'a/package.json': '{"name": "a", "description": "no key of ours"}',
      'a/.eslintrc.json': '{}',
      'a/b/README.md': '# b',
      'c/package.json': '{"name": "c", ',
      'd/.MLSD-LINTRC.JSON': '{"extends": "recommended"}',
    });
    const loader = createConfigLoader({ cwd: t.dir });
    expect((await loader.forFile(path.join(t.dir, 'a/b/x.md')))?.displayPath).toBe('.mlsd-lintrc.yaml');
    // Not our name on a case-sensitive disk: the search goes on upward.
    if (process.platform === 'linux') expect((await loader.forFile(path.join(t.dir, 'd/x.md')))?.displayPath).toBe('.mlsd-lintrc.yaml');
    await expect(loader.forFile(path.join(t.dir, 'c/x.md'))).rejects.toThrow(ConfigError);
  });

  it('prefers package.json, then .mlsd-lintrc in the documented order within one folder', async () => {
    const t = tree({ '.mlsd-lintrc.json': '{"extends": "strict"}', 'mlsd-lint.config.mjs': 'export default { extends: "recommended" };' });
    expect((await createConfigLoader({ cwd: t.dir }).forFile(path.join(t.dir, 'x.md')))?.displayPath).toBe('.mlsd-lintrc.json');
  });

  it('loads CommonJS and ESM JavaScript configs', async () => {
    const cjs = tree({ '.mlsd-lintrc.cjs': 'module.exports = { rules: { monitoring: "warn" } };' });
    expect((await createConfigLoader({ cwd: cjs.dir }).forFile(path.join(cjs.dir, 'x.md')))?.config).toEqual({ rules: { monitoring: 'warn' } });
    const mjs = tree({ 'mlsd-lint.config.mjs': 'export default { rules: { monitoring: "off" } };' });
    expect((await createConfigLoader({ cwd: mjs.dir }).forFile(path.join(mjs.dir, 'x.md')))?.config).toEqual({ rules: { monitoring: 'off' } });
  });

  it('searches no further than the home folder for a file inside it', () => {
    expect(searchFolders('/home/someone/answers/x', '/home/someone')).toEqual(['/home/someone/answers/x', '/home/someone/answers', '/home/someone']);
  });

  it('finds nothing when no folder up to the stop folder has a configuration', async () => {
    const t = tree({ 'a/x.md': '' });
    const loaded = await createConfigLoader({ cwd: t.dir }).forFile(path.join(t.dir, 'a/x.md'));
    // Anything found would have to come from above the temporary folder, which tests do not control.
    if (loaded) expect(path.relative(t.dir, loaded.filepath).startsWith('..')).toBe(true);
  });

  it('searches up to the root for a file outside the home folder', () => {
    const folders = searchFolders('/srv/answers/x', '/home/someone');
    expect(folders).toEqual(['/srv/answers/x', '/srv/answers', '/srv', '/']);
  });

  it('--config loads that file only, even with a configuration beside the input', async () => {
    const t = tree({ 'x/.mlsd-lintrc.json': '{"extends": "strict"}', 'cfg.yaml': 'rules:\n  monitoring: off\n' });
    const loaded = await createConfigLoader({ cwd: t.dir, configFile: 'cfg.yaml' }).forFile(path.join(t.dir, 'x/a.md'));
    expect(loaded?.displayPath).toBe('cfg.yaml');
    expect(loaded?.directory).toBe(t.dir);
  });

  it.each([
    ['.mlsd-lintrc.json', '{"rules": {', /^\.mlsd-lintrc\.json: invalid JSON/],
    ['.mlsd-lintrc.json', '', /^\.mlsd-lintrc\.json: empty configuration file$/],
    ['.mlsd-lintrc.json', 'null', /^\.mlsd-lintrc\.json: configuration is null/],
    ['.mlsd-lintrc.yaml', 'rules: [\n', /^\.mlsd-lintrc\.yaml: invalid YAML at line \d+, column \d+: /],
    ['.mlsd-lintrc.yaml', '# nothing yet\n', /^\.mlsd-lintrc\.yaml: empty configuration file$/],
    ['.mlsd-lintrc.cjs', 'throw new RangeError("nope")', /^\.mlsd-lintrc\.cjs: failed to load: RangeError: nope$/],
    ['.mlsd-lintrc.mjs', 'export const notDefault = 1;', /^\.mlsd-lintrc\.mjs: exports no configuration/],
    ['.mlsd-lintrc', 'extends: [strict\n', /^\.mlsd-lintrc: invalid YAML/],
  ])('turns a broken %s into a one-line ConfigError', async (name, content, message) => {
    const t = tree({ [name]: content });
    const error = await createConfigLoader({ cwd: t.dir })
      .forFile(path.join(t.dir, 'x.md'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('reports a missing or directory --config', async () => {
    const t = tree({ 'dir/x': '' });
    await expect(createConfigLoader({ cwd: t.dir, configFile: 'none.json' }).forFile(path.join(t.dir, 'a.md'))).rejects.toThrow(/^none\.json: no such file$/);
    await expect(createConfigLoader({ cwd: t.dir, configFile: 'dir' }).forFile(path.join(t.dir, 'a.md'))).rejects.toThrow(/^dir: is a directory/);
  });
});

describe('overrides', () => {
  const config: UserConfig = { overrides: [{ files: 'drafts/**/*.md', rules: {} }, { files: ['*.md', 'other/*.markdown'], rules: {} }] };

  it('match paths relative to the configuration file\'s folder', () => {
    expect(matchingOverrides(config, '/repo', '/repo/drafts/a/b.md')).toEqual([0]);
    expect(matchingOverrides(config, '/repo', '/repo/top.md')).toEqual([1]);
    expect(matchingOverrides(config, '/repo', '/repo/other/x.markdown')).toEqual([1]);
    expect(matchingOverrides(config, '/repo', '/repo/sub/top.md')).toEqual([]);
    expect(matchingOverrides(config, '/repo/sub', '/repo/drafts/a.md')).toEqual([]);
  });
});

describe('configureFiles', () => {
  it('validates every configuration and override before returning', async () => {
    const t = tree({ '.mlsd-lintrc.json': '{"overrides": [{"files": "never/**", "rules": {"monitoring": ["warn", {"weak": 1}]}}]}' });
    await expect(configureFiles([path.join(t.dir, 'a.md')], { cwd: t.dir, builtinRules })).rejects.toThrow(/option `weak` of `monitoring` in `overrides\[0\]\.rules` of \.mlsd-lintrc\.json/);
  });

  it('resolves each file with its own overrides and exposes every rule\'s metadata', async () => {
    const t = tree({ '.mlsd-lintrc.json': '{"overrides": [{"files": "drafts/*.md", "rules": {"monitoring": "off"}}]}' });
    const run = await configureFiles([path.join(t.dir, 'drafts/a.md'), path.join(t.dir, 'b.md')], { cwd: t.dir, builtinRules, cliRules: { retraining: 'warn' } });
    expect(run.configFor(path.join(t.dir, 'drafts/a.md')).settings.get('monitoring')?.severity).toBe(0);
    expect(run.configFor(path.join(t.dir, 'b.md')).settings.get('monitoring')?.severity).toBe(2);
    expect(run.configFor(path.join(t.dir, 'b.md')).settings.get('retraining')?.severity).toBe(1);
    expect([...run.rulesMeta.keys()]).toEqual(builtinRules.map((r) => r.id));
    expect(run.rulesMeta.get('retraining')?.signal?.id).toBe('retraining');
  });

  it('loads plugin rules relative to the configuration file and validates them', async () => {
    const rule = `{ id: 'team/short', meta: { description: 'x', rationale: 'y', defaultSeverity: 'warn', messages: { short: 'Too short' } }, check(ctx) { ctx.report({ messageId: 'short' }); } }`;
    const t = tree({ 'plugins/short.mjs': `export default { rules: [${rule}] };`, '.mlsd-lintrc.json': '{"plugins": ["./plugins/short.mjs"], "rules": {"team/short": "error"}}' });
    const run = await configureFiles([path.join(t.dir, 'a.md')], { cwd: t.dir, builtinRules });
    expect(run.configFor(path.join(t.dir, 'a.md')).settings.get('team/short')?.severity).toBe(2);
    expect(run.rulesMeta.has('team/short')).toBe(true);

    const bad = tree({ 'bad.mjs': 'export default { id: "Bad Id", meta: {}, check() {} };', '.mlsd-lintrc.json': '{"plugins": ["./bad.mjs"]}' });
    await expect(configureFiles([path.join(bad.dir, 'a.md')], { cwd: bad.dir, builtinRules })).rejects.toThrow(/Bad rule in plugin "\.\/bad\.mjs" in \.mlsd-lintrc\.json/);
    const missing = tree({ '.mlsd-lintrc.json': '{"plugins": ["mlsd-lint-plugin-that-does-not-exist"]}' });
    await expect(configureFiles([path.join(missing.dir, 'a.md')], { cwd: missing.dir, builtinRules })).rejects.toThrow(/Cannot load plugin "mlsd-lint-plugin-that-does-not-exist" .*: not found/);
  });
});
