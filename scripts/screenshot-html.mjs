#!/usr/bin/env node
// scripts/screenshot-html.mjs — the README's picture of the html report: lints examples/answer.md
// with the built CLI, opens the report in headless Chromium (Debian's `chromium`, or CHROMIUM=path)
// through playwright-core, and writes docs/images/html-report.png (the top of the page, 1000 px
// wide). Run after `npm run build`; the inputs go to a temporary folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.env.CHROMIUM ?? spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim();
if (!executablePath) {
  console.error('screenshot-html: no chromium (apt-get install chromium, or set CHROMIUM)');
  process.exit(2);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'mlsd-shot-'));
try {
  copyFileSync(path.join(root, 'examples', 'answer.md'), path.join(dir, 'answer.md'));
  spawnSync(process.execPath, [path.join(root, 'bin', 'mlsd-lint.js'), 'answer.md', '--no-history', '-f', 'html', '-o', 'report.html'], { cwd: dir, stdio: 'inherit' });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1000, height: 1250 }, colorScheme: 'light' });
  await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
  const out = path.join(root, 'docs', 'images', 'html-report.png');
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
