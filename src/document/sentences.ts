import type { Block, Sentence, Word } from './types.js';

/** `[metric]`, `<target>`, TBD, TODO, N/A, XXX, "..." and friends. */
// A bracket with a figure in it ("[F1 weighted, 0.9192]", "[7854 records]") is a template filled in, not a
// blank; a digit inside a name ("[p99 in ms]", "[NDCG@10]") is no figure.
const PLACEHOLDER_TOKEN = /\[(?![^\]\n]{0,80}?(?<![a-zа-яё\d@.])\d)[^\]\n]{0,80}\]|<[^<>\n]{1,60}>|\b(?:TBD|TBC|TODO|FIXME|XXX|N\/A|lorem ipsum)\b|\.{3}|…|\?{2,}/gi;
const STARTS_AS_TODO = /^\W*(?:TODO|TBD|TBC|FIXME|XXX)\b/i;
/** "Retraining strategy: to be decided": a label in front of a non-answer. */
const UNDECIDED = /^[^.:]{0,60}:\s*(?:to be (?:decided|determined|defined|confirmed|discussed|added|written)|not (?:yet )?(?:decided|defined)|undecided|open question|pending|n\/a|none yet)\b/i;

/** Verbs that address the reader of a guide, not the system being designed. */
const META_VERBS = new Set([
  'discuss', 'describe', 'explain', 'mention', 'talk', 'cover', 'clarify', 'ask', 'consider', 'think',
  'remember', 'elaborate', 'brainstorm', 'justify', 'refer', 'see', 'read', 'learn', 'study', 'practice',
  'prepare', 'don', 'dont', 'fill',
  // A template's prompts: "State the objective", "List the features", "Define the target".
  'state', 'list', 'define', 'identify', 'specify', 'outline', 'summarize', 'summarise', 'write', 'enumerate',
]);

/** Deferring the decision is not making it ("it depends ... I'd ask the interviewer"). */
const DEFERRAL = /\b(?:(?:ask|check with|clarify with|confirm with) the interviewer|before committing|to be clarified|it depends on (?:the )?(?:requirements|interviewer|use case))\b|^(?:start|begin) by\b|^provide (?:a|an|the)\b/i;

/** A blank to fill in ("predict ________ so that ____"): a template line, whatever words are around it. */
const FILL_IN_BLANK = /_{4,}/;

export function isPlaceholderText(text: string): boolean {
  if (STARTS_AS_TODO.test(text) || UNDECIDED.test(text) || FILL_IN_BLANK.test(text)) return true;
  if (!PLACEHOLDER_TOKEN.test(text)) {
    PLACEHOLDER_TOKEN.lastIndex = 0;
    return false;
  }
  PLACEHOLDER_TOKEN.lastIndex = 0;
  // What is left once placeholders and a leading "Label:" are removed.
  const rest = text.replace(PLACEHOLDER_TOKEN, ' ').replace(/^[^:]{0,40}:/, ' ');
  const words = rest.match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return words.length <= 2;
}

/**
 * An instruction to the reader: a sentence that opens with a meta verb ("discuss", "consider"),
 * or any imperative that talks to "you"/"your" about "your system".
 */
/**
 * A sentence about the document itself, not the system: "This guide covers anomaly detection,
 * drift monitoring ...", "These notes outline the key strategies". A table of contents in prose.
 */
const ABOUT_THE_DOCUMENT =
  /^(?:this|these|the following|in this|below,? (?:this|the)) (?:guide|document|doc|article|post|blog(?: post)?|notes?|readme|repo(?:sitory)?|section|chapter|tutorial|page|write-?up|series|course|book|handbook|cheat ?sheet|overview)s?\b[^.:]{0,40}?\b(?:covers?|dissects?|describes?|explains?|shows?|walks? (?:you )?through|outlines?|discuss(?:es)?|presents?|summari[sz]es?|introduces?|focus(?:es)? on|goes? (?:over|through)|reviews?|will (?:cover|discuss|describe|show|explain|walk|outline|focus|go))\b/i;

/**
 * A possibility, not the design: "we could add drift monitoring", "you might log features", "one
 * option would be to retrain weekly", "optionally ...". ("We would retrain weekly" is interview
 * speech for a decision, and stays a statement.)
 */
const HYPOTHETICAL = /\b(?:we|you|one|i|they|teams?) (?:could|might|may)\b(?! not\b)|^\W*(?:one|another|an|a second) option (?:is|would be|could be)\b|^\W*(?:alternatively|optionally|possibly)\b|\bcould (?:later|also|eventually)\b/i;

const QUOTED = /"[^"\n]{0,80}"|“[^”\n]{0,80}”/g;

/** A second word that makes the first one a subject: "Labels are ...", "The model is ...". */
const DECLARATIVE_SECOND = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'gets', 'get', 'got', 'becomes', 'become', 'stays', 'remain', 'remains']);

export function isInstructionText(words: readonly Word[], text = ''): boolean {
  // A quoted name ("you might also like" emails) is not the author's hedge.
  if (DEFERRAL.test(text) || ABOUT_THE_DOCUMENT.test(text.trimStart()) || HYPOTHETICAL.test(text.replace(QUOTED, '""'))) return true;
  const first = words[0];
  if (!first) return false;
  const second = words[1]?.lower;
  if (META_VERBS.has(first.lower)) {
    // "Study of ...", "Talk of ..." are noun phrases, not orders.
    return second !== 'of';
  }
  const addressesReader = words.some((w) => w.lower === 'your' || w.lower === 'you');
  if (!addressesReader) return false;
  // "Labels are created - videos you watched ...", "Features get joined when you open the app": a
  // subject and its verb, said about the system to a reader, not an order to the reader.
  if (second !== undefined && DECLARATIVE_SECOND.has(second)) return false;
  // "Make sure your ...", "Use your ...", "Benchmark your ...": an imperative to the reader.
  return first.text === first.text[0]?.toUpperCase() + first.text.slice(1) && !['we', 'i', 'our', 'the', 'it', 'this', 'if', 'when', 'you'].includes(first.lower);
}

export interface SentenceDraft {
  text: string;
  blockOffset: number;
  start: number;
  end: number;
  words: Word[];
}

/** Headings of future work: what is planned later is not the design ("Next steps", "Roadmap", "Future work"). */
const FUTURE_WORK = /\b(?:future (?:work|improvements?|enhancements?|extensions?|considerations?|directions?|plans?|ideas?)|next steps?|roadmap|to-?dos?|wish ?list|possible (?:improvements?|extensions?)|further (?:work|improvements?))\b/i;

/** Is the block under a future-work heading, at any level? */
function inFutureWork(block: Block): boolean {
  for (let section: Block['section'] | undefined = block.section; section; section = section.parent) {
    if (section.title && FUTURE_WORK.test(section.title)) return true;
  }
  return false;
}

/**
 * A question written without its question mark, as prompt lists often are ("Are we trying to drive
 * engagement, increase revenue, etc.", "What is the latency budget"): an auxiliary verb or a
 * question word with its verb, then the subject, at the start. "What we predict: ..." is a label.
 */
const UNMARKED_QUESTION = /^[^\p{L}]*(?:(?:are|is|do|does|did|can|should|will|shall|have|has)(?: not|n't)? (?:we|you|they|i|there|our|your|the|this|these|those|it)|(?:what|which|how|why|when|where|who)(?: (?:many|much|long|often|big|large|fast|soon|kind of|type of|sort of))?(?: \w+)?(?: are| is| do| does| did| can| should| would| will)(?: not|n't)? (?:we|you|they|i|there|our|your|the|this|these|it))\b/iu;

export function sentenceFlags(block: Block, draft: SentenceDraft): Pick<Sentence, 'isHeading' | 'isQuestion' | 'isPlaceholder' | 'isInstruction' | 'isStatement'> {
  const isHeading = block.kind === 'heading';
  const trimmed = draft.text.replace(/(?<![\s)*_"'”’])[\s)*_"'”’]+$/u, '');
  const isQuestion = trimmed.endsWith('?') || UNMARKED_QUESTION.test(draft.text);
  const isPlaceholder = isPlaceholderText(draft.text) || draft.words.length === 0;
  const isInstruction = !isHeading && isInstructionText(draft.words, draft.text);
  // A table's header row names its columns ("Signal | Threshold | Action"); the rows under it say things.
  const isHeaderRow = block.kind === 'tableRow' && block.parent?.kind !== 'tableRow' && block.children.some((c) => c.kind === 'tableRow');
  const isStatement = !isHeading && !isHeaderRow && !isQuestion && !isPlaceholder && !isInstruction && !block.scaffold && !block.navigation && !block.todo && !inFutureWork(block);
  return { isHeading, isQuestion, isPlaceholder, isInstruction, isStatement };
}
