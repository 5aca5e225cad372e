/**
 * `--format html -o report.html`: one self-contained page (no network: inline styles, one inline
 * script, no fonts or images from elsewhere) for reading a report in a browser.
 *
 * Per file: the score as a gauge, the signals as a coverage map in the order of the guide's steps,
 * each weak or missing signal with its evidence, its line, the rewrite (with a copy button) and the
 * follow-up questions, the high signals with their evidence, the structure findings, and the score
 * over time when the history has more than one run. Several files get a summary of them all first
 * (the figures of `--format summary`: the score spread, each signal's shares, the weakest files),
 * then an index table.
 *
 * Safety: every piece of text from an answer (paths, evidence, messages, rewrites) is escaped and
 * only ever placed in element content or quoted attribute values; nothing from the answer becomes
 * a link, a style or a script. A Content-Security-Policy allows no source at all except the page's
 * own inline styles and its one script (by hash), so even markup that slipped through could not run.
 */
import { createHash } from 'node:crypto';
import type { LintMessage, LintResult, SignalResult } from '../engine/types.js';
import { FATAL_LABEL, fatalOf, readingNote, ruleOfSignal, signalTitleOf, type Formatter, type FormatterContext } from './types.js';
import { askedSignals } from './questions.js';
import { bar, percent, summarise } from './summary.js';

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
const e = escapeHtml;

// The copy buttons: the only script. A click copies the rewrite beside the button; where the
// clipboard is refused, the rewrite's text is selected for a manual copy.
const SCRIPT = `document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('button[data-copy]');
  if (!button) return;
  var text = button.parentElement.querySelector('.rewrite-text');
  var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy rewrite'; }, 1500); };
  var select = function () { var range = document.createRange(); range.selectNodeContents(text); var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range); button.textContent = 'Selected: press Ctrl+C'; };
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text.textContent).then(done, select);
  else select();
});`;
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;

const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --card: #f6f8fa;
  --high: #1a7f37; --high-bg: #dafbe1; --weak: #9a6700; --weak-bg: #fff8c5; --missing: #cf222e; --missing-bg: #ffebe9; --accent: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d; --card: #161b22;
    --high: #3fb950; --high-bg: #12261e; --weak: #d29922; --weak-bg: #272115; --missing: #f85149; --missing-bg: #2d1517; --accent: #4493f8; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { font-size: 1.35rem; margin: 40px 0 12px; word-break: break-all; }
h3 { font-size: 1.1rem; margin: 28px 0 10px; } h4 { font-size: 1rem; margin: 0 0 6px; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); }
a { color: var(--accent); }
.summary { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.gauge { width: 168px; height: 100px; flex: none; }
.gauge .track { stroke: var(--line); } .gauge .value { stroke: var(--accent); }
.gauge text { fill: var(--fg); font-weight: 700; font-size: 28px; }
.coverage { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; }
.coverage li { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 8px 10px; background: var(--card); }
.coverage .step { display: block; font-size: .8rem; color: var(--muted); }
.status { font-weight: 600; font-size: .9rem; }
.high { border-left-color: var(--high) !important; } .high .status { color: var(--high); }
.weak { border-left-color: var(--weak) !important; } .weak .status { color: var(--weak); }
.missing { border-left-color: var(--missing) !important; } .missing .status { color: var(--missing); }
.not-judged { border-left-color: var(--line) !important; opacity: .75; }
.card { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 12px 16px; margin: 0 0 12px; background: var(--card); }
blockquote { margin: 6px 0; padding: 4px 12px; border-left: 3px solid var(--line); color: var(--fg); }
.rewrite { margin-top: 8px; } .rewrite-text { margin: 4px 0 8px; }
button { font: inherit; font-size: .9rem; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); cursor: pointer; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.chart { width: 100%; max-width: 640px; height: 180px; }
.chart .axis { stroke: var(--line); } .chart .line { stroke: var(--accent); fill: none; stroke-width: 2.5; } .chart circle { fill: var(--accent); }
.chart text { fill: var(--muted); font-size: 12px; }
@media print { button { display: none; } body { background: #fff; color: #000; } main { max-width: none; } .card, .coverage li { break-inside: avoid; } }
`;

const STATUS_TEXT = { high: 'high', weak: 'weak', missing: 'missing' } as const;

/** Signals in the order of the guide's steps (signals without a step keep their place after). */
function inGuideOrder(signals: readonly SignalResult[], context: FormatterContext): SignalResult[] {
  const step = (s: SignalResult) => ruleOfSignal(s.id, context)?.meta.signal?.step ?? 99;
  return signals.map((s, i) => ({ s, i })).sort((a, b) => step(a.s) - step(b.s) || a.i - b.i).map(({ s }) => s);
}

function gauge(score: number): string {
  // A half circle of radius 70: the value arc is the share of its length.
  const length = Math.PI * 70;
  const shown = Math.max(0, Math.min(100, score)) / 100;
  return `<svg class="gauge" viewBox="0 0 168 100" role="img" aria-label="Score ${score} of 100">
<path class="track" d="M 14 90 A 70 70 0 0 1 154 90" fill="none" stroke-width="14"/>
<path class="value" d="M 14 90 A 70 70 0 0 1 154 90" fill="none" stroke-width="14" stroke-dasharray="${(shown * length).toFixed(1)} ${length.toFixed(1)}"/>
<text x="84" y="86" text-anchor="middle">${score}</text></svg>`;
}

function coverage(signals: readonly SignalResult[], context: FormatterContext): string {
  const items = inGuideOrder(signals, context).map((s) => {
    const step = ruleOfSignal(s.id, context)?.meta.signal?.step;
    const cls = s.judged === false ? 'not-judged' : s.status;
    const status = s.judged === false ? 'not judged' : STATUS_TEXT[s.status];
    return `<li class="${cls}"><span class="step">${step ? `Step ${step}` : 'Signal'}</span>${e(signalTitleOf(s.id, context))} <span class="status">${status}</span></li>`;
  });
  return `<ol class="coverage" aria-label="Signals in the order of the guide's steps">${items.join('')}</ol>`;
}

function evidenceLine(s: SignalResult): string {
  if (!s.evidence) return '<p class="muted">No statement in the answer.</p>';
  return `<p class="muted">${s.line !== undefined ? `Line ${s.line}` : 'Evidence'}</p><blockquote>${e(s.evidence)}</blockquote>`;
}

function questionList(s: SignalResult): string {
  if (!s.questions?.length) return '';
  return `<h5 class="muted">What an interviewer would ask next</h5><ul>${s.questions.map((q) => `<li>${e(q)}</li>`).join('')}</ul>`;
}

function signalCard(s: SignalResult, context: FormatterContext, message: LintMessage | undefined): string {
  const rewrite = s.suggestion
    ? `<div class="rewrite"><p class="muted">Suggested rewrite</p><p class="rewrite-text">${e(s.suggestion)}</p><button type="button" data-copy aria-label="Copy the rewrite for ${e(signalTitleOf(s.id, context))}">Copy rewrite</button></div>`
    : '';
  return `<article class="card ${s.status}"><h4>${e(signalTitleOf(s.id, context))} <span class="status">${STATUS_TEXT[s.status]}</span></h4>${message ? `<p>${e(message.message)}</p>` : ''}${evidenceLine(s)}${rewrite}${questionList(s)}</article>`;
}

function chart(points: ReadonlyArray<{ time: string; score: number }>): string {
  if (points.length < 2) return '';
  const w = 640;
  const h = 180;
  const pad = 28;
  const x = (i: number) => pad + (i * (w - 2 * pad)) / (points.length - 1);
  const y = (score: number) => h - pad - (Math.max(0, Math.min(100, score)) * (h - 2 * pad)) / 100;
  const path = points.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  const dots = points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.score).toFixed(1)}" r="3.5"><title>${e(p.time.slice(0, 16).replace('T', ' '))}: ${p.score}</title></circle>`).join('');
  const first = points[0] as { time: string; score: number };
  const last = points[points.length - 1] as { time: string; score: number };
  return `<h3>Score over time</h3><svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="Score over ${points.length} runs, from ${first.score} to ${last.score}">
<line class="axis" x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}"/><line class="axis" x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}"/>
<text x="4" y="${pad + 4}">100</text><text x="12" y="${h - pad + 4}">0</text>
<text x="${pad}" y="${h - 6}">${e(first.time.slice(0, 10))}</text><text x="${w - pad}" y="${h - 6}" text-anchor="end">${e(last.time.slice(0, 10))}</text>
<polyline class="line" points="${path}"/>${dots}</svg>`;
}

function fileSection(result: LintResult, index: number, context: FormatterContext): string {
  const id = `file-${index + 1}`;
  const head = `<h2 id="${id}-title">${e(result.filePath)}</h2>`;
  const fatal = fatalOf(result);
  if (fatal) return `<section id="${id}" aria-labelledby="${id}-title">${head}<p><strong>Not linted</strong> (${FATAL_LABEL}): ${e(fatal.message)}</p></section>`;
  const note = readingNote(result);
  const messageOf = new Map(result.messages.filter((m) => m.ruleId !== null).map((m) => [ruleOfSignal(m.ruleId as string, context)?.meta.signal?.id ?? m.ruleId, m]));
  const ordered = inGuideOrder(result.signals, context).filter((s) => s.judged !== false);
  const open = ordered.filter((s) => s.status !== 'high').sort((a, b) => (a.status === 'missing' ? 0 : 1) - (b.status === 'missing' ? 0 : 1));
  const high = ordered.filter((s) => s.status === 'high');
  const structure = result.messages.filter((m) => m.ruleId !== null && !ruleOfSignal(m.ruleId, context)?.meta.signal);
  const points = context.history?.(result.filePath) ?? [];
  const parts = [
    head,
    `<div class="summary">${gauge(result.score)}<div><p><strong>Score ${result.score}/100</strong></p><p class="muted">${high.length} high, ${ordered.filter((s) => s.status === 'weak').length} weak, ${ordered.filter((s) => s.status === 'missing').length} missing${note ? `. ${e(note)}` : ''}</p></div></div>`,
    `<h3>Signals</h3>${coverage(result.signals, context)}`,
    `<h3>Weak and missing signals (${open.length})</h3>${open.length ? open.map((s) => signalCard(s, context, messageOf.get(s.id))).join('') : '<p>None.</p>'}`,
    `<h3>High signals (${high.length})</h3>${high.length ? high.map((s) => `<article class="card high"><h4>${e(signalTitleOf(s.id, context))} <span class="status">high</span></h4>${evidenceLine(s)}${questionList(s)}</article>`).join('') : '<p>None yet.</p>'}`,
    `<h3>Structure findings (${structure.length})</h3>${structure.length ? `<ul>${structure.map((m) => `<li>Line ${m.line}: ${e(m.message)} <span class="muted">(${e(m.ruleId as string)})</span></li>`).join('')}</ul>` : '<p>None.</p>'}`,
    chart(points),
  ];
  return `<section id="${id}" aria-labelledby="${id}-title">${parts.join('\n')}</section>`;
}

/** The files at a glance (more than one file): score spread, each signal's shares, the weakest files, linked to their sections. */
function summary(results: readonly LintResult[], context: FormatterContext): string {
  const s = summarise(results);
  const head = '<h2 id="summary">Summary</h2>';
  if (!s.score) return `${head}<p>No file was linted (${s.notLinted} over the work budget).</p>`;
  const { median, q1, q3, min, max, histogram } = s.score;
  const of = s.notLinted ? ` of the ${s.documents - s.notLinted} files linted` : '';
  const most = Math.max(...histogram.map((b) => b.count));
  const buckets = histogram.map((b) => `<tr><td>${b.from}-${b.to}</td><td><span aria-hidden="true">${bar(b.count, most, 20)}</span> ${b.count}</td></tr>`);
  const signals = s.signals.map((r) => {
    const judged = r.high + r.weak + r.missing;
    return `<tr><td>${e(signalTitleOf(r.id, context))}</td><td>${percent(r.high, judged)}</td><td>${percent(r.weak, judged)}</td><td>${percent(r.missing, judged)}</td><td>${r.notJudged}</td></tr>`;
  });
  // The weakest link to their own section: the first result of that path.
  const section = new Map<string, number>();
  for (const [i, r] of results.entries()) if (!section.has(r.filePath)) section.set(r.filePath, i + 1);
  const weakest = s.weakest.map((w) => `<li><a href="#file-${section.get(w.filePath)}">${e(w.filePath)}</a> <span class="muted">score ${w.score}</span></li>`);
  return [
    head,
    `<p>Scores${of}: median ${median}, quartiles ${q1}-${q3}, lowest ${min}, highest ${max}.</p>`,
    `<table><thead><tr><th scope="col">Score</th><th scope="col">Files</th></tr></thead><tbody>${buckets.join('')}</tbody></table>`,
    `<h3>Signals across the files</h3><table><thead><tr><th scope="col">Signal</th><th scope="col">High</th><th scope="col">Weak</th><th scope="col">Missing</th><th scope="col">Not judged</th></tr></thead><tbody>${signals.join('')}</tbody></table>`,
    `<h3>Weakest files</h3><ol>${weakest.join('')}</ol>`,
  ].join('\n');
}

function index(results: readonly LintResult[]): string {
  const rows = results.map((r, i) => {
    const count = (status: string) => r.signals.filter((s) => s.judged !== false && s.status === status).length;
    return `<tr><td><a href="#file-${i + 1}">${e(r.filePath)}</a></td><td>${r.fatalErrorCount ? 'not linted' : r.score}</td><td>${count('high')}</td><td>${count('weak')}</td><td>${count('missing')}</td></tr>`;
  });
  return `<h2 id="index">Files</h2><table><thead><tr><th scope="col">File</th><th scope="col">Score</th><th scope="col">High</th><th scope="col">Weak</th><th scope="col">Missing</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const formatHtml: Formatter = (results, context) => {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const body = [
    `<h1>mlsd-lint report</h1><p class="muted">${results.length} ${results.length === 1 ? 'file' : 'files'}, ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}${context.version ? `; mlsd-lint ${e(context.version)}` : ''}</p>`,
    results.length > 1 ? `${summary(results, context)}\n${index(results)}` : '',
    ...results.map((r, i) => fileSection(r, i, context)),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlsd-lint report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
};

export default formatHtml;
