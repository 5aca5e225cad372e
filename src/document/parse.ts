import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

/**
 * GitHub Flavored Markdown as remark-gfm reads it, less autolink literals (a bare `www.x.com` or
 * `https://...` becoming a link node). The linter reads the words of a link and the words of
 * plain text alike, so those nodes change nothing it judges (a block of bare URLs still counts as
 * navigation: blocks.ts), while the construct costs a third of the parse: micromark tries it at
 * the start of every word, since any letter may open an e-mail address (docs/parser.md).
 */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/** One frozen processor: parsing has no per-run state, so it is shared. */
const processor = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
