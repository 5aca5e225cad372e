/**
 * The language server with a real client that nobody here wrote: Neovim's built-in LSP client
 * (Debian's `neovim`, run headless). A small init.lua starts the built server for the buffer, waits
 * for its diagnostics (vim.diagnostic.get), edits the buffer as a user would, waits for the
 * diagnostics to follow, asks for code actions (vim.lsp.buf_request_sync) and applies one with
 * Neovim's own workspace-edit code, then asks for hover and code lenses, and writes everything it
 * read to a JSON file that this test checks against the CLI's report of the same text.
 *
 * Neovim is installed with apt-get by this test when it is missing and the machine allows it;
 * where it cannot be, the test is skipped with the reason printed. Debian 12 ships 0.7.2, which
 * predates `vim.lsp.start` (0.8): the script uses it where it exists, and otherwise the two calls
 * it wraps (`vim.lsp.start_client`, `vim.lsp.buf_attach_client`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import type { JsonResult } from '../src/formatters/json.js';
import { ROOT, runCli, useTempTrees } from './helpers.js';

const tree = useTempTrees();
const LS_BIN = path.join(ROOT, 'bin', 'mlsd-lint-ls.js');
const ANSWER = readFileSync(path.join(ROOT, 'examples', 'answer.md'), 'utf8');
/** What the client script needs of Neovim: vim.diagnostic, buf_request_sync and the LSP client of 0.7. */
const MINIMUM = [0, 7] as const;

function findNeovim(): { path?: string; version?: string; why?: string } {
  const which = () => spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();
  let found = which();
  if (!found && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    if (spawnSync('apt-get', ['install', '-y', 'neovim'], { stdio: 'ignore' }).status !== 0) spawnSync('sh', ['-c', 'apt-get update >/dev/null && apt-get install -y neovim >/dev/null'], { stdio: 'ignore' });
    found = which();
  }
  if (!found) return { why: 'no nvim, and apt-get could not install neovim' };
  const version = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(spawnSync(found, ['--version'], { encoding: 'utf8' }).stdout);
  if (!version) return { why: `${found} --version did not say which Neovim it is` };
  const [major, minor] = [Number(version[1]), Number(version[2])];
  if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) return { why: `Neovim ${version[0]} is older than ${MINIMUM.join('.')}` };
  return { path: found, version: version[0] };
}

/**
 * The client script. Paths and texts come in environment variables; what it read goes to
 * $MLSD_OUT as JSON, and an error inside it is recorded there too rather than hanging Neovim.
 */
const INIT_LUA = String.raw`
local env = vim.env
local out = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }

local function diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(list, { code = code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message, source = d.source })
  end
  return list
end

local function has(buf, code)
  for _, d in ipairs(diagnostics(buf)) do
    if d.code == code then return d end
  end
  return nil
end

local function request(buf, method, params)
  local replies = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, reply in pairs(replies) do
    if reply.result then return reply.result end
  end
  return nil
end

local function main()
  -- As in a user's setup: the buffer's filetype is what the client sends as its languageId.
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(env.MLSD_ANSWER))
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype
  local config = { name = 'mlsd-lint', cmd = { env.MLSD_NODE, env.MLSD_SERVER, '--stdio' }, root_dir = env.MLSD_ROOT }
  if vim.lsp.start then
    out.start = 'vim.lsp.start'
    vim.lsp.start(config)
  else
    out.start = 'vim.lsp.start_client'
    vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
  end

  -- 1. Diagnostics for the answer as opened.
  out.opened_in_time = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out.opened = diagnostics(buf)

  -- 2. The user rewrites the retraining sentence; the diagnostics follow.
  local finding = has(buf, 'retraining')
  if not finding then error('no retraining diagnostic to edit') end
  vim.api.nvim_buf_set_lines(buf, finding.lnum, finding.lnum + 1, false, { env.MLSD_REWRITE })
  out.edited_in_time = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 and not has(buf, 'retraining') end, 50)
  out.edited = diagnostics(buf)
  out.edited_lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)

  -- 3. Code actions on a finding, and one of them applied by Neovim's own workspace-edit code.
  local target = has(buf, env.MLSD_ACTION_RULE)
  if not target then error('no ' .. env.MLSD_ACTION_RULE .. ' diagnostic for code actions') end
  local uri = vim.uri_from_bufnr(buf)
  local range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } }
  local actions = request(buf, 'textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = {} } }) or {}
  out.actions = {}
  local disable_file
  for _, action in ipairs(actions) do
    table.insert(out.actions, action.title)
    if action.title:find('for this file', 1, true) then disable_file = action end
  end
  if not disable_file then error('no "for this file" code action') end
  vim.lsp.util.apply_workspace_edit(disable_file.edit, 'utf-16')
  out.disabled_in_time = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 and not has(buf, env.MLSD_ACTION_RULE) end, 50)
  out.disabled = diagnostics(buf)
  out.disabled_lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)

  -- 4. Hover on the first finding left, and the score lens.
  local hovered = vim.diagnostic.get(buf)[1]
  out.hover_code = hovered.code or (hovered.user_data and hovered.user_data.lsp and hovered.user_data.lsp.code)
  local hover = request(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = hovered.lnum, character = hovered.col } })
  out.hover = hover and hover.contents and hover.contents.value
  out.lenses = {}
  for _, lens in ipairs(request(buf, 'textDocument/codeLens', { textDocument = { uri = uri } }) or {}) do
    table.insert(out.lenses, lens.command and lens.command.title)
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  -- Nested, so that opening the answer runs its autocommands (filetype detection) as usual.
  nested = true,
  callback = function()
    local ok, problem = pcall(main)
    if not ok then out.error = tostring(problem) end
    local file = io.open(env.MLSD_OUT, 'w')
    file:write(vim.fn.json_encode(out))
    file:close()
    vim.cmd('qall!')
  end,
})
`;

interface NvimDiagnostic {
  code: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
}

interface Report {
  version: string;
  start: string;
  filetype: string;
  error?: string;
  opened_in_time: boolean;
  opened: NvimDiagnostic[];
  edited_in_time: boolean;
  edited: NvimDiagnostic[];
  edited_lines: string[];
  actions: string[];
  disabled_in_time: boolean;
  disabled: NvimDiagnostic[];
  disabled_lines: string[];
  hover_code: string;
  hover?: string;
  lenses: string[];
}

async function cliResult(cwd: string, text: string): Promise<JsonResult> {
  const run = await runCli(['-', '--stdin-filename', 'answer.md', '-f', 'json', '--no-history'], { cwd, input: text });
  expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
  return (JSON.parse(run.stdout) as JsonResult[])[0] as JsonResult;
}

/** The CLI's findings as Neovim holds diagnostics: 0-based lines and columns, 1 error and 2 warning. */
function asNeovim(result: JsonResult): Array<Pick<NvimDiagnostic, 'code' | 'lnum' | 'col' | 'end_lnum' | 'end_col' | 'severity'>> {
  return sorted(result.messages.map((m) => ({ code: m.ruleId as string, lnum: m.line - 1, col: m.column - 1, end_lnum: (m.endLine ?? m.line) - 1, end_col: (m.endColumn ?? m.column) - 1, severity: m.severity === 2 ? 1 : 2 })));
}

function sorted<T extends Pick<NvimDiagnostic, 'code' | 'lnum' | 'col' | 'end_lnum' | 'end_col' | 'severity'>>(list: readonly T[]): Array<Pick<NvimDiagnostic, 'code' | 'lnum' | 'col' | 'end_lnum' | 'end_col' | 'severity'>> {
  return list
    .map(({ code, lnum, col, end_lnum, end_col, severity }) => ({ code, lnum, col, end_lnum, end_col, severity }))
    .sort((a, b) => a.lnum - b.lnum || a.col - b.col || a.code.localeCompare(b.code));
}

const neovim = findNeovim();
if (!neovim.path) console.warn(`lsp-neovim.test.ts: skipped: ${neovim.why}`);

describe.skipIf(!neovim.path)('language server in Neovim (headless, its built-in LSP client)', () => {
  it('diagnostics on open and after an edit, code actions applied by Neovim, hover and the score lens', async () => {
    const dir = tree({ 'answer.md': ANSWER }).dir;
    const home = path.join(dir, '.nvim');
    mkdirSync(home);
    const cli = await cliResult(dir, ANSWER);
    const rewrite = cli.messages.find((m) => m.ruleId === 'retraining')?.suggestion;
    expect(rewrite, 'examples/answer.md has a retraining finding with a rewrite').toBeDefined();
    const out = path.join(dir, 'out.json');
    writeFileSync(path.join(dir, 'init.lua'), INIT_LUA);
    const run = spawnSync(neovim.path as string, ['--headless', '-n', '-i', 'NONE', '-u', path.join(dir, 'init.lua')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 25_000,
      env: {
        ...process.env,
        // Neovim's state, logs and caches stay in the temporary folder.
        XDG_CONFIG_HOME: home,
        XDG_DATA_HOME: home,
        XDG_STATE_HOME: home,
        XDG_CACHE_HOME: home,
        MLSD_ANSWER: path.join(dir, 'answer.md'),
        MLSD_ROOT: dir,
        MLSD_NODE: process.execPath,
        MLSD_SERVER: LS_BIN,
        MLSD_REWRITE: rewrite,
        MLSD_ACTION_RULE: 'feedback-loop',
        MLSD_OUT: out,
      },
    });
    expect(run.error, `nvim: ${run.stderr}`).toBeUndefined();
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.error, JSON.stringify(report)).toBeUndefined();
    const [major, minor] = report.version.split('.').map(Number) as [number, number];
    expect(report.filetype).toBe('markdown');
    expect(report.start).toBe(major > 0 || minor >= 8 ? 'vim.lsp.start' : 'vim.lsp.start_client');

    // 1. On open: what the CLI reports, at the same places, from the server's own source.
    expect(report.opened_in_time).toBe(true);
    expect(sorted(report.opened)).toEqual(asNeovim(cli));
    expect(report.opened.every((d) => d.source === 'mlsd-lint')).toBe(true);

    // 2. After the edit: the retraining finding is gone, and the rest is what the CLI says of the new text.
    expect(report.edited_in_time).toBe(true);
    const edited = report.edited_lines.join('\n');
    expect(edited).toContain(rewrite);
    expect(sorted(report.edited)).toEqual(asNeovim(await cliResult(dir, `${edited}\n`)));
    expect(report.edited.some((d) => d.code === 'retraining')).toBe(false);

    // 3. The code actions, and the file directive Neovim applied: the rule is silenced, the others stay.
    expect(report.actions).toEqual(['Insert suggested rewrite (feedback-loop)', 'Disable feedback-loop for this block', 'Disable feedback-loop for this file']);
    expect(report.disabled_in_time).toBe(true);
    expect(report.disabled_lines[0]).toBe('<!-- mlsd-lint-disable-file feedback-loop -->');
    expect(report.disabled.some((d) => d.code === 'feedback-loop')).toBe(false);
    expect(report.disabled.length).toBe(report.edited.length - 1);

    // 4. Hover and the lens.
    expect(report.hover).toContain(`mlsd-lint: ${report.hover_code}`);
    expect(report.hover).toContain(builtinRules.find((r) => r.id === report.hover_code)?.meta.description);
    expect(report.lenses[0]).toMatch(/^mlsd-lint score \d+\/100$/);
  }, 30_000);
});
