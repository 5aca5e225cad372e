/// <reference lib="dom" />
/**
 * The html report, in a real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * nothing from the answer runs, the page renders with its parts in place and no console error,
 * the dark scheme and print apply, the copy button copies. Chromium is installed with apt-get by
 * this test when it is missing and the machine allows it; where it cannot be, the browser tests are
 * skipped with the reason printed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import formatHtml, { escapeHtml } from '../src/formatters/html.js';
import type { LintResult } from '../src/engine/types.js';
import { WEAK_TEXT, runCli, useTempTrees } from './helpers.js';
import { builtinRules } from '../rules/index.js';

const tree = useTempTrees();

function findChromium(): { path?: string; why?: string } {
  const which = () => ['chromium', 'chromium-browser'].map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()).find(Boolean);
  let found = which();
  if (!found && process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    if (spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore' }).status !== 0) spawnSync('sh', ['-c', 'apt-get update >/dev/null && apt-get install -y chromium >/dev/null'], { stdio: 'ignore' });
    found = which();
  }
  return found ? { path: found } : { why: 'no chromium, and apt-get could not install it' };
}

const HOSTILE_NAME = '<img src=x onerror=window.__pwned=1>.md';
const HOSTILE_TEXT = [
  '# Ads ranking <script>window.__pwned = 2</script>',
  '',
  'We predict the probability that a user clicks an ad and optimise CTR. <img src=x onerror="window.__pwned = 3">',
  '',
  'We retrain periodically with `<script>window.__pwned = 4</script>` and [a link](javascript:window.__pwned=5).',
  '',
  'Monitoring: `<iframe src="javascript:window.__pwned=6"></iframe>` on a dashboard.',
  '',
].join('\n');

describe('html: escaping (no browser)', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('puts nothing from the answer in markup: one script (its own), a policy that allows no other', () => {
    const result: LintResult = {
      filePath: '<script>alert(1)</script>.md',
      kind: 'ml',
      score: 40,
      errorCount: 0,
      warningCount: 1,
      signals: [{ id: 'retraining', status: 'weak', line: 2, evidence: '<img src=x onerror=alert(1)>', suggestion: '"><script>alert(2)</script>', questions: ["You say '</li><script>alert(3)</script>'?"] }],
      messages: [{ ruleId: 'vague-language', severity: 1, message: 'Vague <b>phrase</b>', line: 1, column: 1 }],
    };
    const html = formatHtml([result], { cwd: '/', color: false, rulesMeta: new Map(builtinRules.map((r) => [r.id, r.meta])) });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<[^>]*\sonerror=|<b>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.md');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });
});

const chromium = findChromium();
if (!chromium.path) console.warn(`html.test.ts: browser tests skipped: ${chromium.why}`);

describe.skipIf(!chromium.path)('html: in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium: launcher } = await import('playwright-core');
    browser = await launcher.launch({ executablePath: chromium.path, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, ...options });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    return { page, problems };
  }

  it('runs nothing from the answer, renders every part in place, and logs no error', async () => {
    const t = tree({ [HOSTILE_NAME]: HOSTILE_TEXT });
    const json = JSON.parse((await runCli([HOSTILE_NAME, '-f', 'json', '--no-history'], { cwd: t.dir })).stdout) as Array<{ score: number }>;
    const run = await runCli([HOSTILE_NAME, '-f', 'html', '-o', 'report.html'], { cwd: t.dir });
    expect(run.stderr).toBe('');
    const { page, problems } = await open(path.join(t.dir, 'report.html'));
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img, iframe, a[href^="javascript:"]').count()).toBe(0);
    // The hostile file name is shown as text.
    expect(await page.locator('h2').first().textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('body').textContent()).toContain('<script>window.__pwned = 4</script>');

    const shot = await page.screenshot({ fullPage: true });
    expect(shot.length).toBeGreaterThan(10_000);
    expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox()) as { x: number; y: number; width: number; height: number };
    const h1 = await box('h1');
    const gauge = await box('svg.gauge');
    const map = await box('ol.coverage');
    const card = await box('article.card');
    expect(h1.y).toBeLessThan(gauge.y);
    expect(gauge.y + gauge.height).toBeLessThanOrEqual(map.y);
    expect(map.y + map.height).toBeLessThanOrEqual(card.y);
    expect(gauge.width).toBeGreaterThan(100);
    expect(await page.locator('ol.coverage > li').count()).toBe(11);
    expect(await page.locator('svg.gauge').getAttribute('aria-label')).toBe(`Score ${json[0]!.score} of 100`);
    // The first step's signals lead the coverage map.
    expect(await page.locator('ol.coverage > li .step').first().textContent()).toBe('Step 1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows the dark scheme, hides the buttons in print, and copies a rewrite', async () => {
    const t = tree({ 'answer.md': WEAK_TEXT });
    await runCli(['answer.md', '-f', 'html', '-o', 'report.html'], { cwd: t.dir });
    const file = path.join(t.dir, 'report.html');
    const background = async (scheme: 'light' | 'dark') => {
      const { page, problems } = await open(file, { colorScheme: scheme });
      const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(problems).toEqual([]);
      await page.close();
      return colour;
    };
    expect(await background('light')).toBe('rgb(255, 255, 255)');
    expect(await background('dark')).toBe('rgb(13, 17, 23)');

    const { page, problems } = await open(file);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button[data-copy]').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const button = page.locator('button[data-copy]').first();
    const rewrite = await page.locator('.rewrite-text').first().textContent();
    await button.click();
    await expect.poll(() => button.textContent()).toMatch(/^(Copied|Selected: press Ctrl\+C)$/);
    if ((await button.textContent()) === 'Copied') expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(rewrite);
    else expect(await page.evaluate(() => String(window.getSelection()))).toBe(rewrite);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('charts the score over time from the history, and indexes several files', async () => {
    const t = tree({ 'a.md': WEAK_TEXT, 'b.md': WEAK_TEXT });
    await runCli(['a.md'], { cwd: t.dir });
    writeFileSync(path.join(t.dir, 'a.md'), `${WEAK_TEXT}\n\nWe retrain weekly on a rolling 90-day window and alert when AUC drops below 0.8.\n`);
    await runCli(['a.md', 'b.md', '-f', 'html', '-o', 'report.html'], { cwd: t.dir });
    expect(readFileSync(path.join(t.dir, '.mlsd-lint', 'history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    const { page, problems } = await open(path.join(t.dir, 'report.html'));
    // The index (after the summary of the files, which has tables of its own).
    expect(await page.locator('#index + table tbody tr').count()).toBe(2);
    expect(await page.locator('#index + table a').first().getAttribute('href')).toBe('#file-1');
    expect(await page.locator('#summary').count()).toBe(1);
    expect(await page.locator('#file-1 svg.chart circle').count()).toBe(2);
    expect(await page.locator('#file-2 svg.chart').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
