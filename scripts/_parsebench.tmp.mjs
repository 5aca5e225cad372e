import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire('/work/main/package.json');
const { fromMarkdown } = await import('mdast-util-from-markdown');
const { gfm } = await import('micromark-extension-gfm');
const { gfmFromMarkdown } = await import('mdast-util-gfm');
const { frontmatter } = await import('micromark-extension-frontmatter');
const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
const { parse, postprocess, preprocess } = await import('/work/main/node_modules/mdast-util-from-markdown/node_modules/micromark/index.js');
const docs = fs.readdirSync('/tmp/b/a200').map(f => fs.readFileSync('/tmp/b/a200/' + f, 'utf8'));
function events(d){ return postprocess(parse({extensions:[gfm(), frontmatter(['yaml'])]}).document().write(preprocess()(d, undefined, true))); }
function tree(d){ return fromMarkdown(d, {extensions:[gfm(), frontmatter(['yaml'])], mdastExtensions:[gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]}); }
for (const [name, fn] of [['events', events], ['tree', tree], ['events', events], ['tree', tree]]) {
  const t = performance.now(); for (const d of docs) fn(d); console.log(name, ((performance.now() - t) / docs.length).toFixed(2), 'ms/answer');
}
