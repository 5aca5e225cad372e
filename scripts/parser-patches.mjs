// Four spots in the Markdown parser take time quadratic in the length of one paragraph. The
// patches below fix them in the source of the pinned versions, when esbuild bundles the CLI and the
// API (scripts/bundle.mjs) and when vitest loads the parser for the tests (vitest.config.ts), so
// the tests run the parser users run. Each patch names the text it changes; if a dependency update
// moves that text, the build fails instead of silently shipping the slow path. The patched parser
// builds the same trees, positions included (test/parser-patches.test.ts; checked while writing
// them on 220 real Markdown files and 116,000 generated snippets).
//
// 1. micromark, initialize/text.js, `resolveAllText`: it merges runs of adjacent `data` events
//    with one `events.splice` per run, and each splice moves every later event of the paragraph.
//    A paragraph with many runs (`[metric] ` repeated: every failed link label leaves one) costs
//    runs x events. The patch does the same merge in one pass, compacting the array in place.
//    Its neighbour `resolveAllLineSuffixes` splices a token into the middle of the array for every
//    line that ends in spaces (160 kB of `a  ` lines: 10 s); the patch collects those insertions and
//    makes them in one pass at the end.
// 2. micromark-extension-gfm-footnote, `tokenizePotentialGfmFootnoteCall`: at every `]` it walks
//    back over all events of the paragraph looking for an image label start (`![^note]`). `a] `
//    repeated costs `]`s x events (a 100 kB line took 21 s). The walk can only succeed when the
//    document defines a footnote (definitions are all collected, in the document pass, before any
//    paragraph text is tokenized) and this paragraph has an image label start (`![`, recorded by
//    a patch of micromark-core-commonmark's label-start-image): otherwise the patch fails at once,
//    which is what the walk would have concluded. A paragraph with both keeps the walk (a crafted
//    `![a]` then 50 kB of `a] ` under a footnote definition still takes seconds).
// 3. micromark-core-commonmark, attention.js, `resolveAllAttention` (emphasis): every closing
//    `*`/`_` walks back over the whole paragraph for an opener, and every match splices the events
//    array in the middle. `*_` repeated: 40 kB took 30 s, 160 kB 13 minutes. The patch keeps the
//    algorithm and its order, but (a) remembers, per kind of closer (marker, length mod 3, whether
//    it can open), where a walk found nothing, so later walks stop there (cmark's "openers
//    bottom"), and (b) keeps the events not yet visited in a reversed stack, so a match replaces
//    the end of the visited array instead of shifting the rest of the paragraph.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The versions the patches were written for and checked against (test/parser-patches.test.ts:
 * equal trees, patched and unpatched, on every corpus document and on generated inputs). A patch
 * whose text still matches a newer version may still be wrong there, so another version fails the
 * build and the tests until someone re-checks the patches and updates this table.
 */
export const PATCHED_VERSIONS = {
  micromark: '4.0.2',
  'micromark-core-commonmark': '2.0.4',
  'micromark-extension-gfm-footnote': '2.1.0',
};

/** The package a module path belongs to (its last `node_modules/<name>/`) and that package's version. */
export function packageOf(file) {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const name = parts[at + 1];
  const manifest = [...parts.slice(0, at + 2), 'package.json'].join(path.sep);
  if (!existsSync(manifest)) return { name, version: undefined };
  return { name, version: JSON.parse(readFileSync(manifest, 'utf8')).version };
}

/** Module paths (either slash), in the package's `lib/` (default) or `dev/` build. */
const MICROMARK_TEXT = /[\\/]micromark[\\/](?:dev[\\/])?lib[\\/]initialize[\\/]text\.js$/;

/**
 * Each patch: the module it changes, the function it changes (`anchor`, the start of its text),
 * and its edits, made in order: the first match of `pattern` after the anchor is replaced by
 * `replace(match)`. A patch whose anchor or any pattern is not found does not apply.
 */
const PATCHES = [
  {
    name: 'micromark: merge adjacent data in one pass',
    file: MICROMARK_TEXT,
    anchor: 'function resolveAllText(events, context) {',
    edits: [
      [/function resolveAllText\(events, context\) \{[\s\S]*?(?=return extraResolver \? extraResolver\(events, context\) : events)/g, () => `function resolveAllText(events, context) {
    // mlsd-lint patch (scripts/parser-patches.mjs): one pass instead of a splice per run.
    let write = 0;
    let index = 0;
    while (index < events.length) {
      if (events[index][1].type === 'data') {
        let next = index + 2;
        while (next < events.length && events[next][1].type === 'data') next += 2;
        if (next !== index + 2) events[index][1].end = events[next - 1][1].end;
        events[write++] = events[index];
        events[write++] = events[index + 1];
        index = next;
      } else {
        events[write++] = events[index++];
      }
    }
    events.length = write;
    `],
    ],
  },
  {
    name: 'micromark: line suffixes inserted in one pass',
    file: MICROMARK_TEXT,
    anchor: 'function resolveAllLineSuffixes(events, context) {',
    edits: [
      [/let eventIndex = 0;?/g, (found) => `// mlsd-lint patch (scripts/parser-patches.mjs): insertions are collected, then made in one pass.\n  const mlsdInserts = [];\n  ${found}`],
      [/events\.splice\(\s*eventIndex,\s*0,\s*\['enter', token, context\],\s*\['exit', token, context\]\s*\);?\s*eventIndex \+= 2;?/g, () => 'mlsdInserts.push(eventIndex, token);'],
      [/\n  return events;?\n\}/g, () => [
        '',
        '  if (mlsdInserts.length > 0) {',
        '    const out = [];',
        '    let from = 0;',
        '    for (let k = 0; k < mlsdInserts.length; k += 2) {',
        '      while (from < mlsdInserts[k]) out.push(events[from++]);',
        "      out.push(['enter', mlsdInserts[k + 1], context], ['exit', mlsdInserts[k + 1], context]);",
        '    }',
        '    while (from < events.length) out.push(events[from++]);',
        '    events.length = out.length;',
        '    for (let k = 0; k < out.length; k++) events[k] = out[k];',
        '  }',
        '  return events;',
        '}',
      ].join('\n')],
    ],
  },
  {
    name: 'gfm footnote: no walk without a definition and an image label',
    file: /[\\/]micromark-extension-gfm-footnote[\\/](?:dev[\\/])?lib[\\/]syntax\.js$/,
    anchor: 'function tokenizePotentialGfmFootnoteCall(effects, ok, nok) {',
    edits: [
      [/const defined = self\.parser\.gfmFootnotes \|\| \(self\.parser\.gfmFootnotes = \[\]\);?\n/g, (found) => `${found}  // mlsd-lint patch (scripts/parser-patches.mjs): no definition or no \`![\`, so no call can resolve.\n  if (defined.length === 0 || !self._mlsdLabelImageSeen) return nok;\n`],
    ],
  },
  {
    name: 'label start (image): record that one was seen',
    file: /[\\/]micromark-core-commonmark[\\/](?:dev[\\/])?lib[\\/]label-start-image\.js$/,
    anchor: 'function tokenizeLabelStartImage(effects, ok, nok) {',
    edits: [
      [/self\._labelStarts\.push\(labelImage\);?\n/g, (found) => `${found}    // mlsd-lint patch (scripts/parser-patches.mjs): read by the gfm footnote patch.\n    self._mlsdLabelImageSeen = true;\n`],
    ],
  },
  {
    name: 'attention: linear matching',
    file: /[\\/]micromark-core-commonmark[\\/](?:dev[\\/])?lib[\\/]attention\.js$/,
    anchor: 'function resolveAllAttention(',
    edits: [
      // The events not yet visited wait, reversed, in a stack; `events` holds the visited ones, so a
      // match replaces the end of `events` instead of shifting every later event.
      [/function resolveAllAttention\(events, context\) \{\n/g, () => [
        'function resolveAllAttention(mlsdInput, context) {',
        '  // mlsd-lint patch (scripts/parser-patches.mjs): visited events in `events`, the rest reversed in',
        '  // `mlsdTail`; and per kind of closer, the lowest event a walk back still has to reach.',
        '  const mlsdTail = mlsdInput.slice().reverse();',
        '  const events = [];',
        '  const mlsdFloors = new Map();',
        '',
      ].join('\n')],
      [/while \(\+\+index < events\.length\) \{\n/g, () => 'while (mlsdTail.length > 0) {\n    events.push(mlsdTail.pop());\n    index = events.length - 1;\n'],
      [/let open = index;?\n/g, (found) => [
        found,
        "      const mlsdKey = context.sliceSerialize(events[index][1]).charCodeAt(0) + ',' + (events[index][1].end.offset - events[index][1].start.offset) % 3 + ',' + Boolean(events[index][1]._open);",
        '      const mlsdFloor = mlsdFloors.get(mlsdKey) || 0;',
        '',
      ].join('\n')],
      [/while \(open--\) \{\n/g, () => 'while (open-- > mlsdFloor) {\n        if (open === mlsdFloor) mlsdFloors.set(mlsdKey, index);\n'],
      [/[ \t]*splice\(events, open - 1, index - open \+ 3, nextEvents\);?\n/g, (found) => [
        '          for (const [key, floor] of mlsdFloors) if (floor > open - 1) mlsdFloors.set(key, open - 1);',
        '          events.push(mlsdTail.pop());',
        found,
      ].join('\n')],
      [/index = open \+ nextEvents\.length - offset - 2;?\n/g, (found) => `${found}          for (let mlsdMoved = 0; mlsdMoved < offset; mlsdMoved++) mlsdTail.push(events.pop());\n`],
      [/return events;?\n/g, () => 'splice(mlsdInput, 0, mlsdInput.length, events);\n  return mlsdInput;\n'],
    ],
  },
];

/** `code` with `patch`'s edits made, or undefined when its anchor or one of its patterns is gone. */
function applyPatch(code, patch) {
  let out = code;
  for (const [pattern, replace] of patch.edits) {
    const from = out.indexOf(patch.anchor);
    if (from < 0) return undefined;
    pattern.lastIndex = from;
    const found = pattern.exec(out);
    if (!found) return undefined;
    out = out.slice(0, found.index) + replace(found[0]) + out.slice(found.index + found[0].length);
  }
  return out;
}

/** The patches for this module path, in order (none for most paths). */
export function parserPatchesFor(file) {
  return PATCHES.filter((patch) => patch.file.test(file));
}

/**
 * The patched source of `file`, or undefined when no patch applies to it. Throws when a patch
 * applies to the path but its target text is gone (a changed dependency): fix the patch.
 */
export function patchParserSource(file, code = readFileSync(file, 'utf8')) {
  const patches = parserPatchesFor(file);
  if (patches.length === 0) return undefined;
  const pkg = packageOf(file);
  const wanted = pkg ? PATCHED_VERSIONS[pkg.name] : undefined;
  if (pkg && wanted && pkg.version !== wanted) {
    throw new Error(`parser patches were written for ${pkg.name} ${wanted}, but ${pkg.version ?? 'an unknown version'} is installed (${file}): re-check them and update PATCHED_VERSIONS in scripts/parser-patches.mjs`);
  }
  let patched = code;
  for (const patch of patches) {
    const next = applyPatch(patched, patch);
    if (next === undefined) throw new Error(`parser patch "${patch.name}" no longer matches ${file}: update scripts/parser-patches.mjs`);
    patched = next;
  }
  return patched;
}

/** The patched modules as one RegExp: esbuild's onLoad filter. */
export const PATCHED_FILES = new RegExp([...new Set(PATCHES.map((patch) => patch.file.source))].join('|'));
